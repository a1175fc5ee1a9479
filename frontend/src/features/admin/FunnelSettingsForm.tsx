import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { DISTRIBUTION_MODES, type DistributionMode, type FunnelDto, type FunnelSettings } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { SelectField } from '../../components/SelectField';
import { useUpdateFunnelMutation } from './admin-api';
import { parseWholeNumber, wholeNumberText } from './whole-number';
import './funnel-settings.css';

const DISTRIBUTION_LABELS: Record<DistributionMode, string> = {
  off: 'Off',
  round_robin: 'Round robin',
  least_busy: 'Least busy',
};

const DISTRIBUTION_HINTS: Record<DistributionMode, string> = {
  off: 'New requests wait in the unassigned stage until someone takes them into work.',
  round_robin: 'Each new request goes to the next manager on duty in its branch, in turn.',
  least_busy: 'Each new request goes to the manager on duty in its branch with the fewest open deals.',
};

interface SettingsFields {
  distribution: DistributionMode;
  /** As typed; '' for none. */
  slaWarnMinutes: string;
  slaEscalateMinutes: string;
}

const fieldsOf = (funnel: FunnelSettings): SettingsFields => ({
  distribution: funnel.distribution,
  slaWarnMinutes: wholeNumberText(funnel.slaWarnMinutes),
  slaEscalateMinutes: wholeNumberText(funnel.slaEscalateMinutes),
});

function MinutesField({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} type="number" min={1} step={1} inputMode="numeric" placeholder="Off" value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)} />
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}

/**
 * A funnel's automatic distribution and speed-to-lead SLA (admins): saved together; the
 * server's refusal is shown in words under the form.
 */
export function FunnelSettingsForm({ funnel }: { funnel: FunnelDto }) {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const [update, { isLoading }] = useUpdateFunnelMutation();
  const [fields, setFields] = useState(() => fieldsOf(funnel));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof SettingsFields>(key: K) => (value: SettingsFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  // saved (here or by another admin): show what the server has
  useEffect(() => {
    setFields(fieldsOf({ distribution: funnel.distribution, slaWarnMinutes: funnel.slaWarnMinutes, slaEscalateMinutes: funnel.slaEscalateMinutes }));
  }, [funnel.distribution, funnel.slaWarnMinutes, funnel.slaEscalateMinutes]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const warn = parseWholeNumber(fields.slaWarnMinutes, 1);
    const escalate = parseWholeNumber(fields.slaEscalateMinutes, 1);
    if (warn === undefined) return setProblem('Amber after: type a whole number of minutes (1 or more), or leave it empty for none.');
    if (escalate === undefined) return setProblem('Escalate after: type a whole number of minutes (1 or more), or leave it empty for none.');
    if (warn !== null && escalate !== null && warn >= escalate) return setProblem('The card turns amber before it escalates: make “Amber after” shorter than “Escalate after”.');
    const changes: Partial<FunnelSettings> = {
      ...(fields.distribution !== funnel.distribution && { distribution: fields.distribution }),
      ...(warn !== funnel.slaWarnMinutes && { slaWarnMinutes: warn }),
      ...(escalate !== funnel.slaEscalateMinutes && { slaEscalateMinutes: escalate }),
    };
    setProblem(null);
    if (Object.keys(changes).length === 0) return;
    try {
      await update({ funnelId: funnel.id, ...changes }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Settings of “${funnel.name}” saved.` }));
    } catch (failure) {
      setProblem(`Could not save the settings. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <form className="funnel-settings" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId} className="funnel-settings__title">
        New requests
      </h3>
      <div className="stack">
        <div>
          <SelectField label="Automatic distribution" value={fields.distribution} onChange={(value) => set('distribution')(value as DistributionMode)}>
            {DISTRIBUTION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {DISTRIBUTION_LABELS[mode]}
              </option>
            ))}
          </SelectField>
          <p className="muted small funnel-settings__hint">
            {DISTRIBUTION_HINTS[fields.distribution]}
            {fields.distribution !== 'off' && ' Managers switch “on duty” themselves; a manager’s cap of open deals is respected. With nobody on duty, the request stays unassigned.'}
          </p>
        </div>
        <div className="field-row">
          <MinutesField label="Amber after (minutes)" hint="An untaken request’s card turns amber." value={fields.slaWarnMinutes} onChange={set('slaWarnMinutes')} />
          <MinutesField
            label="Escalate after (minutes)"
            hint="The card turns red, the team lead is notified and gets an urgent call-back task."
            value={fields.slaEscalateMinutes}
            onChange={set('slaEscalateMinutes')}
          />
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary button--small" disabled={isLoading}>
            Save settings
          </button>
        </div>
      </div>
    </form>
  );
}

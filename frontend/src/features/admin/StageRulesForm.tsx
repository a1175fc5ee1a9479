import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { STAGE_REQUIREMENT_LABELS, STAGE_REQUIREMENTS, type StageDto, type StageRequirement, type StageSettings } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { useUpdateStageMutation } from './admin-api';
import { parseWholeNumber, wholeNumberText } from './whole-number';
import './funnel-settings.css';

/** "Win 25% · rotten after 7 days · needs vehicle of interest, a test drive"; null when the stage has no rules. */
export function describeStageRules(stage: StageDto): string | null {
  const parts = [
    stage.winProbability !== null && `Win ${stage.winProbability}%`,
    stage.kind !== 'won' && stage.rotAfterDays !== null && `rotten after ${stage.rotAfterDays} ${stage.rotAfterDays === 1 ? 'day' : 'days'} without activity`,
    stage.requiredFields.length > 0 && `needs ${stage.requiredFields.map((field) => STAGE_REQUIREMENT_LABELS[field]).join(', ')}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function NumberField({ label, hint, value, min, max, onChange }: { label: string; hint: string; value: string; min: number; max?: number; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} type="number" min={min} max={max} step={1} inputMode="numeric" placeholder="Not set" value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)} />
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}

/**
 * A stage's rules (admins): its win probability (weighs the column's sum), after how many days
 * without activity a deal in it is rotten, and what a deal must have to be moved into it.
 */
export function StageRulesForm({ stage, funnelId, onDone }: { stage: StageDto; funnelId: string; onDone(): void }) {
  const dispatch = useAppDispatch();
  const [update, { isLoading }] = useUpdateStageMutation();
  const [winProbability, setWinProbability] = useState(wholeNumberText(stage.winProbability));
  const [rotAfterDays, setRotAfterDays] = useState(wholeNumberText(stage.rotAfterDays));
  const [required, setRequired] = useState<ReadonlySet<StageRequirement>>(new Set(stage.requiredFields));
  const [problem, setProblem] = useState<string | null>(null);
  const rots = stage.kind !== 'won';

  const toggle = (field: StageRequirement, on: boolean) =>
    setRequired((current) => {
      const next = new Set(current);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const probability = parseWholeNumber(winProbability, 0, 100);
    const days = rots ? parseWholeNumber(rotAfterDays, 1) : stage.rotAfterDays;
    if (probability === undefined) return setProblem('Win probability: type a whole percentage from 0 to 100, or leave it empty.');
    if (days === undefined) return setProblem('Rotten after: type a whole number of days (1 or more), or leave it empty for never.');
    // in the order of the list, so that an unchanged set compares equal
    const requiredFields = STAGE_REQUIREMENTS.filter((field) => required.has(field));
    const changes: Partial<StageSettings> = {
      ...(probability !== stage.winProbability && { winProbability: probability }),
      ...(days !== stage.rotAfterDays && { rotAfterDays: days }),
      ...(requiredFields.join() !== STAGE_REQUIREMENTS.filter((field) => stage.requiredFields.includes(field)).join() && { requiredFields }),
    };
    setProblem(null);
    if (Object.keys(changes).length === 0) return onDone();
    try {
      await update({ funnelId, stageId: stage.id, ...changes }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Rules of “${stage.name}” saved.` }));
      onDone();
    } catch (failure) {
      setProblem(`Could not save the rules. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <form className="stage-rules" aria-label={`Rules of ${stage.name}`} onSubmit={submit} noValidate>
      <div className="field-row">
        <NumberField label="Win probability (%)" hint="The column header weighs its sum by it." value={winProbability} min={0} max={100} onChange={setWinProbability} />
        {rots && <NumberField label="Rotten after (days)" hint="Without activity; empty: never." value={rotAfterDays} min={1} onChange={setRotAfterDays} />}
      </div>
      <fieldset className="fieldset stage-rules__required">
        <legend>Required to enter this stage</legend>
        <div className="stage-rules__checkboxes">
          {STAGE_REQUIREMENTS.map((field) => (
            <label key={field} className="checkbox">
              <input type="checkbox" checked={required.has(field)} onChange={(event) => toggle(field, event.target.checked)} />
              {capitalised(STAGE_REQUIREMENT_LABELS[field])}
            </label>
          ))}
        </div>
        <p className="muted small">A move into the stage{stage.kind === 'won' ? ' (closing as won)' : ''} without them is refused, naming what is missing.</p>
      </fieldset>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" disabled={isLoading}>
          Save rules
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

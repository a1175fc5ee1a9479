import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { CHANNEL_KINDS, type BranchDto, type ChannelDto, type ChannelKind, type ChannelWithKeyDto, type FunnelDto, type SourceDto, type UpdateChannelRequest } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { Dialog } from '../../../components/Dialog';
import { SelectField } from '../../../components/SelectField';
import { CHANNEL_KIND_LABELS } from './channel-kinds';
import { useCreateChannelMutation, useUpdateChannelMutation } from './channels-api';

interface ChannelFormDialogProps {
  /** The channel to edit; without it, a new one is added. */
  channel?: ChannelDto;
  funnels: readonly FunnelDto[];
  sources: readonly SourceDto[];
  branches: readonly BranchDto[];
  onClose(): void;
  /** A channel was added: its key, to be shown once. */
  onCreated(channel: ChannelWithKeyDto): void;
}

interface ChannelFields {
  name: string;
  kind: ChannelKind;
  funnelId: string;
  /** '' for none. */
  sourceId: string;
  /** '' for none. */
  branchId: string;
  mergeRepeatRequests: boolean;
  /** As typed; checked on submit. */
  rateLimitPerMinute: string;
  active: boolean;
}

/** The server's default for a new channel. */
const DEFAULT_RATE_LIMIT = 120;

function fieldsOf(channel: ChannelDto | undefined, funnels: readonly FunnelDto[]): ChannelFields {
  return channel
    ? {
        name: channel.name,
        kind: channel.kind,
        funnelId: channel.funnelId,
        sourceId: channel.sourceId ?? '',
        branchId: channel.branchId ?? '',
        mergeRepeatRequests: channel.mergeRepeatRequests,
        rateLimitPerMinute: String(channel.rateLimitPerMinute),
        active: channel.active,
      }
    : { name: '', kind: 'web', funnelId: funnels[0]?.id ?? '', sourceId: '', branchId: '', mergeRepeatRequests: true, rateLimitPerMinute: String(DEFAULT_RATE_LIMIT), active: true };
}

/** Only what was changed, so that an edit does not undo someone else's change to another field. */
function changesOf(channel: ChannelDto, fields: ChannelFields, rateLimitPerMinute: number): UpdateChannelRequest {
  const sourceId = fields.sourceId || null;
  const branchId = fields.branchId || null;
  return {
    ...(fields.name !== channel.name && { name: fields.name }),
    ...(fields.kind !== channel.kind && { kind: fields.kind }),
    ...(fields.funnelId !== channel.funnelId && { funnelId: fields.funnelId }),
    ...(sourceId !== channel.sourceId && { sourceId }),
    ...(branchId !== channel.branchId && { branchId }),
    ...(fields.mergeRepeatRequests !== channel.mergeRepeatRequests && { mergeRepeatRequests: fields.mergeRepeatRequests }),
    ...(rateLimitPerMinute !== channel.rateLimitPerMinute && { rateLimitPerMinute }),
    ...(fields.active !== channel.active && { active: fields.active }),
  };
}

/** A checkbox with its label and a line saying what it does. */
function CheckboxField({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="checkbox-field">
      <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="checkbox-field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="checkbox-field__hint muted small">
        {hint}
      </p>
    </div>
  );
}

/** The branch that receives the channel's requests: their deals get it (who sees them, who they are distributed to). */
function BranchField({ branches, value, onChange }: { branches: readonly BranchDto[]; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Branch
      </label>
      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)}>
        <option value="">None (every branch)</option>
        {branches.map((branch) => (
          <option key={branch.id} value={branch.id}>
            {branch.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="muted small">
        Requests from this channel go to this branch: its team lead sees them, and automatic distribution picks among its managers on duty.
      </p>
    </div>
  );
}

function RateLimitField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Requests per minute
      </label>
      <input id={id} type="number" min={1} step={1} inputMode="numeric" value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)} />
      <p id={`${id}-hint`} className="muted small">
        Beyond this, the sender is asked to retry later (429), so one faulty sender cannot flood the board.
      </p>
    </div>
  );
}

/** Add a channel, or edit one: name, kind, the funnel, source and branch of its deals, repeat requests, active. */
export function ChannelFormDialog({ channel, funnels, sources, branches, onClose, onCreated }: ChannelFormDialogProps) {
  const nameId = useId();
  const [create, creating] = useCreateChannelMutation();
  const [update, updating] = useUpdateChannelMutation();
  const [fields, setFields] = useState(() => fieldsOf(channel, funnels));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof ChannelFields>(key: K) => (value: ChannelFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = fields.name.trim();
    if (name === '') return setProblem('Give the channel a name, e.g. “Website: test-drive form”.');
    if (fields.funnelId === '') return setProblem('There is no funnel for its deals to enter yet: create one on the board first.');
    const rateLimitPerMinute = Number(fields.rateLimitPerMinute);
    if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) return setProblem('Requests per minute must be a whole number of 1 or more.');
    setProblem(null);
    try {
      if (channel) {
        const changes = changesOf(channel, { ...fields, name }, rateLimitPerMinute);
        if (Object.keys(changes).length > 0) await update({ id: channel.id, changes }).unwrap();
        onClose();
      } else {
        const { kind, funnelId, sourceId, branchId, mergeRepeatRequests } = fields;
        const limit = rateLimitPerMinute === DEFAULT_RATE_LIMIT ? {} : { rateLimitPerMinute };
        onCreated(await create({ name, kind, funnelId, ...(sourceId && { sourceId }), ...(branchId && { branchId }), mergeRepeatRequests, ...limit }).unwrap());
      }
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  const busy = creating.isLoading || updating.isLoading;
  return (
    <Dialog title={channel ? `Edit “${channel.name}”` : 'Add channel'} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="field">
          <label htmlFor={nameId} className="field__label">
            Name
          </label>
          <input id={nameId} value={fields.name} onChange={(event) => set('name')(event.target.value)} maxLength={120} placeholder="e.g. Website: test-drive form" />
        </div>
        <div className="field-row">
          <SelectField label="Kind" value={fields.kind} onChange={(value) => set('kind')(value as ChannelKind)}>
            {CHANNEL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHANNEL_KIND_LABELS[kind]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Funnel" value={fields.funnelId} onChange={set('funnelId')} required>
            {fields.funnelId === '' && <option value="">No funnels yet</option>}
            {funnels.map((funnel) => (
              <option key={funnel.id} value={funnel.id}>
                {funnel.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Source" value={fields.sourceId} onChange={set('sourceId')}>
            <option value="">None</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </SelectField>
        </div>
        <BranchField branches={branches} value={fields.branchId} onChange={set('branchId')} />
        <CheckboxField
          label="Merge repeat requests"
          hint="A request from a customer who already has an open deal in this funnel is added to that deal instead of opening another."
          checked={fields.mergeRepeatRequests}
          onChange={set('mergeRepeatRequests')}
        />
        <RateLimitField value={fields.rateLimitPerMinute} onChange={set('rateLimitPerMinute')} />
        {channel && (
          <CheckboxField label="Active" hint="When off, requests sent with this channel's key are refused." checked={fields.active} onChange={set('active')} />
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {channel ? (busy ? 'Saving…' : 'Save') : busy ? 'Adding…' : 'Add channel'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { ROLES, type BranchDto, type Role, type UpdateUserRequest, type UserAdminDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { useCreateUserMutation, useUpdateUserMutation } from './users-admin-api';
import { ROLE_LABELS } from './user-labels';

interface UserFormDialogProps {
  /** The user to edit; without it, a new one is added. */
  user?: UserAdminDto;
  /** The signed-in admin: they cannot take away their own admin role. */
  selfId: string;
  branches: readonly BranchDto[];
  onClose(): void;
  onSaved(user: UserAdminDto, created: boolean): void;
}

interface UserFields {
  name: string;
  email: string;
  role: Role;
  /** '' for none. */
  branchId: string;
  phoneExtension: string;
  /** As typed; '' for no cap. */
  maxOpenDeals: string;
  onDuty: boolean;
  password: string;
}

const MIN_PASSWORD_LENGTH = 8;

function fieldsOf(user: UserAdminDto | undefined): UserFields {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'manager',
    branchId: user?.branchId ?? '',
    phoneExtension: user?.phoneExtension ?? '',
    maxOpenDeals: user?.maxOpenDeals === null || user?.maxOpenDeals === undefined ? '' : String(user.maxOpenDeals),
    onDuty: user?.onDuty ?? false,
    password: '',
  };
}

/** Only what was changed, so that an edit does not undo someone else's change to another field. */
function changesOf(user: UserAdminDto, fields: UserFields, maxOpenDeals: number | null): UpdateUserRequest {
  const branchId = fields.branchId || null;
  const phoneExtension = fields.phoneExtension || null;
  return {
    ...(fields.name !== user.name && { name: fields.name }),
    ...(fields.email !== user.email && { email: fields.email }),
    ...(fields.role !== user.role && { role: fields.role }),
    ...(branchId !== user.branchId && { branchId }),
    ...(phoneExtension !== user.phoneExtension && { phoneExtension }),
    ...(maxOpenDeals !== user.maxOpenDeals && { maxOpenDeals }),
    ...(fields.onDuty !== user.onDuty && { onDuty: fields.onDuty }),
  };
}

/** What is wrong with the form, in words, or null (the server checks again). */
function problemOf(fields: UserFields, creating: boolean): string | null {
  if (fields.name === '') return 'Give the user a name.';
  if (!/^\S+@\S+\.\S+$/.test(fields.email)) return 'Give an email address to sign in with, e.g. maria@dealer.example.';
  if (fields.phoneExtension !== '' && !/^\d{1,16}$/.test(fields.phoneExtension)) return 'The phone extension is 1 to 16 digits.';
  if (fields.maxOpenDeals !== '' && !/^\d+$/.test(fields.maxOpenDeals)) return 'The cap on open deals is a whole number, or empty for no cap.';
  if (creating && fields.password.length < MIN_PASSWORD_LENGTH) return `The first password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  return null;
}

function TextField({ label, value, onChange, hint, ...input }: { label: string; value: string; onChange(value: string): void; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value)} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Add a user, or edit one: name, email, role, branch, phone extension, cap on distributed deals, duty. */
export function UserFormDialog({ user, selfId, branches, onClose, onSaved }: UserFormDialogProps) {
  const dutyId = useId();
  const [create, creating] = useCreateUserMutation();
  const [update, updating] = useUpdateUserMutation();
  const [fields, setFields] = useState(() => fieldsOf(user));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof UserFields>(key: K) => (value: UserFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const self = user?.id === selfId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = { ...fields, name: fields.name.trim(), email: fields.email.trim().toLowerCase(), phoneExtension: fields.phoneExtension.trim(), maxOpenDeals: fields.maxOpenDeals.trim() };
    const invalid = problemOf(trimmed, !user);
    if (invalid) return setProblem(invalid);
    setProblem(null);
    const maxOpenDeals = trimmed.maxOpenDeals === '' ? null : Number(trimmed.maxOpenDeals);
    try {
      if (user) {
        const changes = changesOf(user, trimmed, maxOpenDeals);
        if (Object.keys(changes).length === 0) return onClose();
        onSaved(await update({ id: user.id, changes }).unwrap(), false);
      } else {
        const { name, email, role, branchId, phoneExtension, password } = trimmed;
        const created = await create({
          name,
          email,
          role,
          password,
          ...(branchId && { branchId }),
          ...(phoneExtension && { phoneExtension }),
          ...(maxOpenDeals !== null && { maxOpenDeals }),
        }).unwrap();
        onSaved(created, true);
      }
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  const busy = creating.isLoading || updating.isLoading;
  return (
    <Dialog title={user ? `Edit “${user.name}”` : 'New user'} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="field-row">
          <TextField label="Name" value={fields.name} onChange={set('name')} maxLength={120} placeholder="e.g. Maria Gonzalez" autoComplete="off" />
          <TextField label="Email" value={fields.email} onChange={set('email')} type="email" maxLength={254} placeholder="maria@dealer.example" autoComplete="off" />
        </div>
        <div className="field-row">
          <div className="stack">
            <SelectField label="Role" value={fields.role} onChange={(value) => set('role')(value as Role)}>
              {ROLES.filter((role) => !self || role === 'admin').map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </SelectField>
            {self && <p className="muted small">Another administrator can change your role.</p>}
          </div>
          <SelectField label="Branch" value={fields.branchId} onChange={set('branchId')}>
            <option value="">No branch</option>
            {branches.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {branch.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="field-row">
          <TextField
            label="Phone extension"
            value={fields.phoneExtension}
            onChange={set('phoneExtension')}
            inputMode="numeric"
            maxLength={16}
            placeholder="e.g. 104"
            hint="Answered calls from this extension become this user's deals."
          />
          <TextField
            label="Cap on open deals"
            value={fields.maxOpenDeals}
            onChange={set('maxOpenDeals')}
            inputMode="numeric"
            placeholder="No cap"
            hint="Automatic distribution skips the user at this many open deals."
          />
        </div>
        {user ? (
          <div className="checkbox-field">
            <input id={dutyId} type="checkbox" checked={fields.onDuty} aria-describedby={`${dutyId}-hint`} onChange={(event) => set('onDuty')(event.target.checked)} />
            <label htmlFor={dutyId} className="checkbox-field__label">
              On duty
            </label>
            <p id={`${dutyId}-hint`} className="checkbox-field__hint muted small">
              Managers on duty receive automatically distributed deals. They usually switch this themselves.
            </p>
          </div>
        ) : (
          <TextField
            label="First password"
            value={fields.password}
            onChange={set('password')}
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Tell it to the user; they can change it on My account.`}
          />
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {user ? (busy ? 'Saving…' : 'Save') : busy ? 'Adding…' : 'Add user'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useId, type ReactNode } from 'react';
import type { ApiError } from '@autofunnel/shared';
import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';

/** What is wrong with a form: one message per field (by the API's field name) and/or one overall. */
export interface FormProblems {
  fields: Record<string, string>;
  message: string | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, message: null };

/** The API's limits on notes: of trade-ins, offers and test drives; of tasks (and a task's result). */
export const MAX_NOTES_LENGTH = 2000;
export const MAX_TASK_NOTES_LENGTH = 5000;

export const hasProblems = (problems: FormProblems) => problems.message !== null || Object.keys(problems.fields).length > 0;

/**
 * A refused request as form problems. A 400 that names fields puts each message next to its
 * field when the form shows that field (`shownFields`, by API name); the rest is said overall.
 */
export function problemsOf(error: unknown, shownFields: readonly string[]): FormProblems {
  const failure = error as FetchBaseQueryError | SerializedError | undefined;
  const fieldErrors = failure && 'status' in failure ? (failure.data as Partial<ApiError> | undefined)?.fields : undefined;
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return { fields: {}, message: describeError(failure) };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [name, messages] of Object.entries(fieldErrors)) {
    if (shownFields.includes(name)) fields[name] = messages.join('. ');
    else elsewhere.push(...messages);
  }
  return { fields, message: elsewhere.length > 0 ? elsewhere.join('. ') : 'Please correct the fields marked below.' };
}

/** The props that tie a control to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  children(control: ControlProps): ReactNode;
  className?: string;
}

/** A labelled control with an optional hint and its error right below it, announced with the control. */
export function FormField({ label, error, hint, children, className = '' }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="muted small">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The overall problem of a form, read out when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

interface SubmitButtonsProps {
  label: string;
  /** Shown while the request is under way, e.g. "Saving…". */
  busyLabel: string;
  busy: boolean;
  onCancel(): void;
  disabled?: boolean;
}

export function SubmitButtons({ label, busyLabel, busy, onCancel, disabled }: SubmitButtonsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={busy || disabled} aria-busy={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * A number as typed ("28 500", "1,5"): null when empty, NaN when not a number. Spaces are
 * thousands separators; a comma is a decimal point.
 */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/\s/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A money amount of 0 or more, or why not. */
export function amountProblem(value: number | null, what: string): string | null {
  if (value === null) return null;
  if (Number.isNaN(value)) return `${what} must be a number, e.g. 24500 or 24 500.`;
  if (value < 0) return `${what} cannot be negative.`;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a date input, in the browser's time zone. */
export function dateInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `HH:MM` of a time input, in the browser's time zone. */
export function timeInputValue(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment a date and a time input mean (local time), or null when either is empty or invalid. */
export function localMoment(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const moment = new Date(`${date}T${time}`);
  return Number.isNaN(moment.getTime()) ? null : moment;
}

/** The next full hour from `now`: a sensible default start for appointments. */
export function nextFullHour(now: Date): Date {
  const next = new Date(now);
  next.setHours(now.getHours() + 1, 0, 0, 0);
  return next;
}

/** `time` moved by `minutes`, clamped to the same day (an appointment does not run past midnight). */
export function shiftTime(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  if (Number.isNaN(hours) || Number.isNaN(mins)) return time;
  const total = Math.min(23 * 60 + 59, Math.max(0, hours * 60 + mins + minutes));
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Minutes from `start` to `end` (both `HH:MM`). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (time: string) => {
    const [hours, mins] = time.split(':').map(Number);
    return hours * 60 + mins;
  };
  return toMinutes(end) - toMinutes(start);
}

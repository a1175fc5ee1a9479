import { useState, type ReactNode } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../../app/describe-error';
import { Dialog } from '../../../components/Dialog';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's text, e.g. "Rotate key". */
  confirmLabel: string;
  danger?: boolean;
  /** Does the thing; a failure is shown in the dialog, which stays open. */
  onConfirm(): Promise<unknown>;
  onClose(): void;
}

/** "Are you sure?" before something that cannot be undone. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="stack">
        {children}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
          {/* the safe choice gets the focus */}
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

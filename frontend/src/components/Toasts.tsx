import { useEffect } from 'react';
import { Link } from 'react-router';
import { useAppDispatch, useAppSelector } from '../app/store';
import { selectToasts, toastDismissed, type Toast } from '../app/toasts-slice';
import './toasts.css';

const TOAST_MS = { error: 8000, success: 4000, info: 5000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    const timer = setTimeout(() => dispatch(toastDismissed(toast.id)), TOAST_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [dispatch, toast.id, toast.kind]);
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <p className="toast__text">
        {toast.text}
        {toast.link && (
          <>
            {' '}
            <Link className="toast__link" to={toast.link.to} onClick={() => dispatch(toastDismissed(toast.id))}>
              {toast.link.label}
            </Link>
          </>
        )}
      </p>
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => dispatch(toastDismissed(toast.id))}>
        ×
      </button>
    </div>
  );
}

/** The short messages of the app, bottom right. */
export function Toasts() {
  const toasts = useAppSelector(selectToasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

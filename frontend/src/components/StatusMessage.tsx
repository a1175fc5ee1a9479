/** A quiet "still loading" line, announced to screen readers. */
export function LoadingMessage({ children }: { children: string }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}

interface ErrorMessageProps {
  /** What we were trying to do, e.g. "Could not load the funnels." */
  title: string;
  /** Why, in plain words (see describeError). */
  detail: string;
  onRetry?: () => void;
}

export function ErrorMessage({ title, detail, onRetry }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      <p>
        <strong>{title}</strong> {detail}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

import type { DealDto } from '@autofunnel/shared';
import { useTakeDealMutation } from './board-api';

/**
 * "Take into work" on an untaken deal: it becomes the caller's and moves on to the first open
 * stage. When someone was faster, the server's message (who took it) shows as a toast.
 */
export function TakeIntoWorkButton({ deal, className = '' }: { deal: DealDto; className?: string }) {
  const [take, { isLoading }] = useTakeDealMutation();
  return (
    <button
      type="button"
      className={`button button--primary button--small ${className}`}
      disabled={isLoading}
      onClick={() => void take({ deal })}
    >
      {isLoading ? 'Taking…' : 'Take into work'}
    </button>
  );
}

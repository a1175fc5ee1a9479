interface LoadMoreButtonProps {
  /** Whether the server has another page; nothing shows when it has not. */
  hasMore: boolean;
  loading: boolean;
  onLoadMore(): void;
  /** How many are shown of how many there are, when the server says. */
  shown?: number;
  total?: number;
}

/** Under a list loaded page by page: asks for the next page and says how far the list goes. */
export function LoadMoreButton({ hasMore, loading, onLoadMore, shown, total }: LoadMoreButtonProps) {
  if (!hasMore) return null;
  const progress = shown !== undefined && total !== undefined ? ` (${shown} of ${total})` : '';
  return (
    <div className="deal-list__more">
      <button type="button" className="button button--secondary" disabled={loading} onClick={onLoadMore}>
        {loading ? 'Loading…' : `Load more${progress}`}
      </button>
    </div>
  );
}

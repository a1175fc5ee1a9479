/** Grey placeholders while a board loads. */
export function BoardSkeleton({ columns = 6 }: { columns?: number }) {
  return (
    <div className="kanban kanban--skeleton" role="status" aria-label="Loading the board">
      {Array.from({ length: columns }, (_, column) => (
        <div key={column} className="stage-column stage-column--skeleton" aria-hidden="true">
          <div className="skeleton skeleton--title" />
          <div className="skeleton skeleton--line" />
          {Array.from({ length: 4 - (column % 3) }, (_, row) => (
            <div key={row} className="skeleton skeleton--card" />
          ))}
        </div>
      ))}
    </div>
  );
}

export function RowsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="rows-skeleton" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="skeleton skeleton--row" aria-hidden="true" />
      ))}
    </div>
  );
}

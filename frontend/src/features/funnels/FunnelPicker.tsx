import type { FunnelDto } from '@autofunnel/shared';

interface FunnelPickerProps {
  funnels: FunnelDto[];
  selectedId: string;
  onSelect: (funnelId: string) => void;
}

/** The list of funnels; the pressed one is shown beside it. */
export function FunnelPicker({ funnels, selectedId, onSelect }: FunnelPickerProps) {
  return (
    <nav className="funnel-picker" aria-labelledby="funnel-picker-title">
      <h2 id="funnel-picker-title" className="funnel-picker__title">
        Funnels
      </h2>
      <ul className="funnel-picker__list">
        {funnels.map((funnel) => (
          <li key={funnel.id}>
            <button
              type="button"
              className="funnel-picker__item"
              aria-pressed={funnel.id === selectedId}
              onClick={() => onSelect(funnel.id)}
            >
              <span className="funnel-picker__name">{funnel.name}</span>
              <span className="funnel-picker__meta">
                {funnel.stages.length} {funnel.stages.length === 1 ? 'stage' : 'stages'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export const DEAL_TABS = [
  { id: 'details', label: 'Details' },
  { id: 'follow-up', label: 'Follow-up' },
  { id: 'contacts', label: 'Contacts' },
] as const;

export type DealTab = (typeof DEAL_TABS)[number]['id'];

const isDealTab = (value: string | null): value is DealTab => DEAL_TABS.some((tab) => tab.id === value);

/** The open tab, kept in `?tab=` so a reload or a shared link opens the same one. */
export function useDealTab(): [DealTab, (tab: DealTab) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('tab');
  const tab = isDealTab(value) ? value : 'details';
  const select = (next: DealTab) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'details') updated.delete('tab');
        else updated.set('tab', next);
        return updated;
      },
      { replace: true },
    );
  return [tab, select];
}

/**
 * The deal page's tabs (the WAI-ARIA tabs pattern): arrow keys, Home and End move between
 * them; only the open tab's panel is rendered.
 */
export function DealTabs({ panels }: { panels: Record<DealTab, () => ReactNode> }) {
  const [tab, select] = useDealTab();
  const idPrefix = useId();
  const buttons = useRef(new Map<DealTab, HTMLButtonElement>());
  const tabId = (id: DealTab) => `${idPrefix}-tab-${id}`;
  const panelId = (id: DealTab) => `${idPrefix}-panel-${id}`;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = DEAL_TABS.findIndex((candidate) => candidate.id === tab);
    const last = DEAL_TABS.length - 1;
    const targets: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = DEAL_TABS[target].id;
    select(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <div className="deal-tabs">
      <div className="deal-tabs__list" role="tablist" aria-label="Deal" onKeyDown={onKeyDown}>
        {DEAL_TABS.map((candidate) => (
          <button
            key={candidate.id}
            ref={(node) => {
              if (node) buttons.current.set(candidate.id, node);
              else buttons.current.delete(candidate.id);
            }}
            type="button"
            role="tab"
            id={tabId(candidate.id)}
            aria-selected={tab === candidate.id}
            aria-controls={panelId(candidate.id)}
            tabIndex={tab === candidate.id ? 0 : -1}
            className="deal-tabs__tab"
            onClick={() => select(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div className="deal-tabs__panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0}>
        {panels[tab]()}
      </div>
    </div>
  );
}

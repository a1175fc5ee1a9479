import { useEffect, useRef, useState } from 'react';
import type { FunnelDto } from '@autofunnel/shared';

interface FunnelSwitcherProps {
  funnels: readonly FunnelDto[];
  current: FunnelDto;
  onSwitch(funnelId: string): void;
  /** Admins: "New funnel…" at the end of the list. */
  onCreate?: () => void;
}

/** The board's title, which opens the list of funnels to switch to. */
export function FunnelSwitcher({ funnels, current, onSwitch, onCreate }: FunnelSwitcherProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitemradio"][aria-checked="true"]')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const pick = (run: () => void) => {
    setOpen(false);
    run();
  };

  return (
    <div className="funnel-switcher" ref={root}>
      <h2 className="funnel-switcher__title">
        <button
          type="button"
          className="funnel-switcher__button"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          {current.name}
          <span className="funnel-switcher__chevron" aria-hidden="true">
            ▾
          </span>
        </button>
      </h2>
      {open && (
        <ul
          className="menu funnel-switcher__menu"
          role="menu"
          aria-label="Funnels"
          onKeyDown={(event) => {
            const items = [...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') setOpen(false);
            else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
          }}
        >
          {funnels.map((funnel) => (
            <li
              key={funnel.id}
              role="menuitemradio"
              aria-checked={funnel.id === current.id}
              tabIndex={-1}
              className="menu__item"
              onClick={() => pick(() => onSwitch(funnel.id))}
              onKeyDown={(event) => event.key === 'Enter' && pick(() => onSwitch(funnel.id))}
            >
              <span>{funnel.name}</span>
              <span className="menu__meta">
                {funnel.stages.length} {funnel.stages.length === 1 ? 'stage' : 'stages'}
              </span>
            </li>
          ))}
          {onCreate && (
            <li role="menuitem" tabIndex={-1} className="menu__item menu__item--action" onClick={() => pick(onCreate)} onKeyDown={(event) => event.key === 'Enter' && pick(onCreate)}>
              + New funnel…
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { StageDto } from '@autofunnel/shared';

interface MoveToMenuProps {
  /** What is moved, for the button's accessible name, e.g. "D-1042". */
  label: string;
  stages: readonly StageDto[];
  currentStageId: string;
  /** Moves to the top of another stage. */
  onMoveTo(stageId: string): void;
  /** One place up (-1) or down (+1) in its stage; absent when not possible. */
  onStep?: { up?: () => void; down?: () => void };
}

interface Item {
  key: string;
  label: string;
  run: () => void;
}

/**
 * The keyboard (and menu) alternative to dragging: "Move to…" opens a menu of the other
 * stages, plus one place up or down within the card's own stage. Arrow keys move through it,
 * Enter picks, Escape closes.
 */
export function MoveToMenu({ label, stages, currentStageId, onMoveTo, onStep }: MoveToMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});

  const items: Item[] = [
    ...(onStep?.up ? [{ key: 'up', label: 'Up one place', run: onStep.up }] : []),
    ...(onStep?.down ? [{ key: 'down', label: 'Down one place', run: onStep.down }] : []),
    ...stages.filter((stage) => stage.id !== currentStageId).map((stage) => ({ key: stage.id, label: stage.name, run: () => onMoveTo(stage.id) })),
  ];

  // The menu floats over the page (a column scrolls and clips), below the button or above it.
  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const rect = button.current.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    const below = rect.bottom + 4 + height <= window.innerHeight;
    setPlace({
      top: below ? rect.bottom + 4 : Math.max(4, rect.top - 4 - height),
      left: Math.max(4, Math.min(rect.right - 220, window.innerWidth - 224)),
      width: 220,
    });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeOnScroll = (event: Event) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('scroll', closeOnScroll, true);
    window.addEventListener('resize', closeOnScroll);
    return () => {
      window.removeEventListener('scroll', closeOnScroll, true);
      window.removeEventListener('resize', closeOnScroll);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  function close(focusButton = true) {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }

  function pick(item: Item) {
    close();
    item.run();
  }

  function onMenuKey(event: KeyboardEvent) {
    const last = items.length - 1;
    if (event.key === 'ArrowDown') setActive((index) => (index >= last ? 0 : index + 1));
    else if (event.key === 'ArrowUp') setActive((index) => (index <= 0 ? last : index - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="button button--ghost button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Move ${label} to…`}
        onClick={() => {
          setActive(0);
          setOpen((wasOpen) => !wasOpen);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setActive(0);
            setOpen(true);
          }
        }}
      >
        Move to…
      </button>
      {open &&
        createPortal(
        <ul ref={menu} id={menuId} className="menu menu--floating" style={place} role="menu" aria-label={`Move ${label} to`} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li
              key={item.key}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className={`menu__item ${item.key === 'up' || item.key === 'down' ? 'menu__item--step' : ''}`}
              onClick={() => pick(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  pick(item);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>,
          document.body,
        )}
    </div>
  );
}

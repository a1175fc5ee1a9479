import type { ReactNode } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { TouchBackend } from 'react-dnd-touch-backend';

/** A touch screen as the main pointer (tablets, phones): HTML5 drag and drop does not work there. */
function isTouchDevice(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

const TOUCH_OPTIONS = { enableMouseEvents: true, delayTouchStart: 180, ignoreContextMenu: true };

/** react-dnd for the whole signed-in app: the HTML5 backend, or the touch backend on touch devices. */
export function DragAndDrop({ children }: { children: ReactNode }) {
  return isTouchDevice() ? (
    <DndProvider backend={TouchBackend} options={TOUCH_OPTIONS}>
      {children}
    </DndProvider>
  ) : (
    <DndProvider backend={HTML5Backend}>{children}</DndProvider>
  );
}

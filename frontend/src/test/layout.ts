/**
 * jsdom does no layout: every element is 0 × 0, so a virtual list would show no cards. This
 * gives the board's scrolling column bodies a height and its cards a size, as a browser would.
 */
export const COLUMN_HEIGHT = 720;
export const CARD_HEIGHT = 118;

let installed = false;

export function installBoardLayout(): void {
  if (installed) return;
  installed = true;
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (this.classList.contains('stage-column__body')) return COLUMN_HEIGHT;
      return clientHeight?.get?.call(this) ?? 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      if (this.classList.contains('stage-column__body')) return 272;
      return clientWidth?.get?.call(this) ?? 0;
    },
  });
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (this.classList.contains('stage-column__slot')) return CARD_HEIGHT;
      return offsetHeight?.get?.call(this) ?? 0;
    },
  });
  const getBoundingClientRect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    if (this.classList.contains('stage-column__slot')) {
      return { x: 0, y: 0, top: 0, left: 0, bottom: CARD_HEIGHT, right: 272, width: 272, height: CARD_HEIGHT, toJSON: () => ({}) } as DOMRect;
    }
    return getBoundingClientRect.call(this);
  };
}

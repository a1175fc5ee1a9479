import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit';

export type ToastKind = 'error' | 'success' | 'info';

/** A link the message offers, e.g. "Open deal" to fill in what a refused move needs. */
export interface ToastLink {
  label: string;
  to: string;
}

export interface Toast {
  id: string;
  kind: ToastKind;
  text: string;
  link?: ToastLink;
}

/** Short messages in the corner: a refused move, a created deal, a lost connection. */
export const toastsSlice = createSlice({
  name: 'toasts',
  initialState: [] as Toast[],
  reducers: {
    toastShown: {
      reducer(state, action: PayloadAction<Toast>) {
        // the same message twice in a row is shown once
        if (state.some((toast) => toast.text === action.payload.text)) return;
        state.push(action.payload);
        if (state.length > 4) state.shift();
      },
      prepare(toast: { kind: ToastKind; text: string; link?: ToastLink }) {
        return { payload: { id: nanoid(), ...toast } };
      },
    },
    toastDismissed(state, action: PayloadAction<string>) {
      return state.filter((toast) => toast.id !== action.payload);
    },
  },
  selectors: {
    selectToasts: (state) => state,
  },
});

export const { toastShown, toastDismissed } = toastsSlice.actions;
export const { selectToasts } = toastsSlice.selectors;

import { useCallback, useState } from 'react';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { useFetchFileMutation } from './deal-actions-api';

/** Long enough for a new tab to load the file, short enough not to keep blobs for the session. */
const KEEP_OBJECT_URL_MS = 60_000;

export interface ProtectedFileRequest {
  /** API path, e.g. `/offers/…/quote.pdf`. */
  url: string;
  /** What it is, for the error message: "the quote". */
  what: string;
  /** The name to save under when the server does not give one. */
  fallbackName: string;
  /** Show it in a new tab (a PDF) instead of saving it. */
  inNewTab?: boolean;
}

function saveAs(objectUrl: string, fileName: string) {
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Opens or saves a file the API gives only with the session's token, which a plain link cannot
 * send: the file is fetched as a blob and handed to the browser as an object URL. A new tab is
 * opened right away, inside the click, because browsers block tabs opened after an await.
 * `pending` is the URL being fetched, for the button's progress.
 */
export function useProtectedFile() {
  const dispatch = useAppDispatch();
  const [fetchFile] = useFetchFileMutation();
  const [pending, setPending] = useState<string | null>(null);

  const get = useCallback(
    async ({ url, what, fallbackName, inNewTab }: ProtectedFileRequest) => {
      const tab = inNewTab ? window.open('', '_blank') : null;
      setPending(url);
      try {
        const { objectUrl, fileName } = await fetchFile(url).unwrap();
        if (tab) tab.location.href = objectUrl;
        else saveAs(objectUrl, fileName ?? fallbackName);
        setTimeout(() => URL.revokeObjectURL(objectUrl), KEEP_OBJECT_URL_MS);
      } catch (failure) {
        tab?.close();
        dispatch(toastShown({ kind: 'error', text: `Could not get ${what}. ${describeError(failure as Parameters<typeof describeError>[0])}` }));
      } finally {
        setPending(null);
      }
    },
    [dispatch, fetchFile],
  );

  return { get, pending };
}

import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';

function isFetchBaseQueryError(error: unknown): error is FetchBaseQueryError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

/** The `message` of an API error body (`{statusCode, message, error}`), if it has one. */
function serverMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('message' in data)) return null;
  const { message } = data as { message: unknown };
  if (typeof message === 'string' && message.trim() !== '') return message;
  if (Array.isArray(message) && message.every((part) => typeof part === 'string') && message.length > 0) {
    return message.join('. ');
  }
  return null;
}

function describeStatus(status: number): string {
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'That could not be found. It may have been deleted.';
  if (status >= 500) return `The server had a problem (error ${status}). Please try again in a moment.`;
  return `The server refused the request (error ${status}).`;
}

/** What went wrong with an API call, in words a person can act on. */
export function describeError(error: FetchBaseQueryError | SerializedError | undefined): string {
  if (isFetchBaseQueryError(error)) {
    switch (error.status) {
      case 'FETCH_ERROR':
        return 'Cannot reach the Autofunnel server. Check your connection and try again.';
      case 'TIMEOUT_ERROR':
        return 'The server took too long to answer. Please try again.';
      case 'PARSING_ERROR':
        return `The server sent an answer that could not be read (error ${error.originalStatus}).`;
      case 'CUSTOM_ERROR':
        return error.error;
      default:
        return serverMessage(error.data) ?? describeStatus(error.status);
    }
  }
  return error?.message ?? 'Something went wrong. Please try again.';
}

/** A JSON answer of the API, as the real `fetch` would give it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces `fetch` with a jest mock that hands every request to `handler`. */
export function mockFetch(handler: Handler) {
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(input instanceof Request ? input : new Request(input, init)),
  );
  globalThis.fetch = fetchMock as typeof fetch;
  return fetchMock;
}

/** The requests the mock received, oldest first. */
export function requestsOf(fetchMock: ReturnType<typeof mockFetch>): Request[] {
  return fetchMock.mock.calls.map(([input, init]) =>
    input instanceof Request ? input : new Request(input, init),
  );
}

/** Path and query of a request, e.g. `/api/funnels/f1/board?limit=5`. */
export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

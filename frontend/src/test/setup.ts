import '@testing-library/jest-dom';

/** jsdom has no fetch; a test that forgets to mock it fails loudly instead of reaching a network. */
function unexpectedFetch(): typeof fetch {
  return jest.fn(async (input: RequestInfo | URL) => {
    throw new Error(`Unexpected fetch in a test (mock it with mockFetch): ${String(input)}`);
  }) as typeof fetch;
}

// Set before any test file is imported: fetchBaseQuery looks for a global fetch when it is created.
globalThis.fetch = unexpectedFetch();

beforeEach(() => {
  globalThis.fetch = unexpectedFetch();
});

afterEach(() => {
  localStorage.clear();
});

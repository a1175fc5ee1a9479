/**
 * jsdom, plus Node's WHATWG `Request`, `Response` and `Headers` (jsdom has none, and RTK Query's
 * fetchBaseQuery builds a `Request`). `fetch` itself is deliberately left out: each test sets
 * `globalThis.fetch` to a jest mock, so no test can reach the network by accident.
 * Also Node's `TextEncoder`/`TextDecoder`, which jsdom lacks and react-router needs at import.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchClasses extends TestEnvironment {
  async setup() {
    await super.setup();
    const window = this.global;
    const NodeRequest = globalThis.Request;
    /** Like the browser's Request: relative URLs resolve against the page's address. */
    class Request extends NodeRequest {
      constructor(input, init) {
        super(typeof input === 'string' ? new URL(input, window.location.href).href : input, init);
      }
    }
    window.Request = Request;
    window.Response = globalThis.Response;
    window.Headers = globalThis.Headers;
    window.TextEncoder ??= globalThis.TextEncoder;
    window.TextDecoder ??= globalThis.TextDecoder;
  }
}

module.exports = JsdomWithFetchClasses;

/**
 * What Fluent UI needs from a browser that jsdom (the `@jest-environment jsdom` docblock) lacks.
 * Imported first by the component tests that render into the document, so other tests, and other
 * Jest projects, keep their environment untouched.
 * - `matchMedia`: Fluent's motion asks whether the user prefers reduced motion.
 * - `ResizeObserver`: Fluent's positioning (dropdowns, popovers) watches its anchor's size.
 * - `fetch`: the Graph client (built by the tab's ApiProvider) refuses to start without one. The
 *   tests replace the Graph calls with jest.mock, so a request that reaches this one is a mistake
 *   in the test, and fails loudly.
 */
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
}

if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class NoResizeObserver implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

if (typeof globalThis.fetch !== 'function') {
  globalThis.fetch = (input: RequestInfo | URL) => Promise.reject(new Error(`A component test reached the network (${String(input)}): mock the Graph call.`));
}

export {};

/**
 * A Jest test environment with a browser document, for the network feature's component tests
 * (docblock `@jest-environment ./tests/tab/features/network/exports/domEnvironment.js`).
 * The repository's unit project runs in Node and has no DOM environment package; jsdom is already a
 * dev dependency (the bench uses it). Its dependencies are ES modules that Jest's sandboxed loader
 * cannot require, so it is loaded here, by Node, outside the sandbox, and its window is put on the
 * sandbox's global next to Node's own globals.
 */
/* global require, module */
// A plain CommonJS module: Jest loads test environments with Node's own require.
/* eslint-disable @typescript-eslint/no-require-imports */
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { JSDOM } = require('jsdom');

// The DOM names React, Fluent UI and the tests use; everything else stays Node's.
const DOM_NAMES = [
  'document', 'navigator', 'location', 'history', 'getComputedStyle', 'Node', 'Element', 'HTMLElement', 'HTMLInputElement',
  'HTMLButtonElement', 'HTMLAnchorElement', 'HTMLIFrameElement', 'HTMLTextAreaElement', 'HTMLSelectElement', 'SVGElement', 'Text',
  'DocumentFragment', 'ShadowRoot', 'Document', 'Event', 'UIEvent', 'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'InputEvent',
  'PopStateEvent', 'CustomEvent', 'MutationObserver', 'NodeFilter', 'Range', 'Selection', 'DOMRect', 'CSSStyleSheet', 'CSSRule',
  'CSSMediaRule', 'StyleSheet', 'HTMLStyleElement', 'Blob', 'localStorage', 'sessionStorage', 'requestAnimationFrame', 'cancelAnimationFrame',
];

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

class DomEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://teams.example.test/tab', pretendToBeVisual: true });
    const { window } = this.dom;
    // Fluent's motion asks for media queries and its positioning for resize observers; jsdom has neither.
    window.matchMedia = (query) => ({
      matches: false, media: query, onchange: null,
      addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false,
    });
    window.ResizeObserver = NoResizeObserver;
    const global = this.global;
    global.window = window;
    for (const name of DOM_NAMES) {
      const value = window[name];
      global[name] = typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value;
    }
    global.matchMedia = window.matchMedia;
    global.ResizeObserver = NoResizeObserver;
    global.IS_REACT_ACT_ENVIRONMENT = true;
  }

  async teardown() {
    this.dom.window.close();
    await super.teardown();
  }
}

module.exports = DomEnvironment;

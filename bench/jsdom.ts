/** What the render benchmarks share: a jsdom document on the globals React renders into, and medians. */
import { JSDOM } from 'jsdom';

export function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    globals[key] = key === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[key];
  }
  globals.IS_REACT_ACT_ENVIRONMENT = false;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] as number).toFixed(2));
}

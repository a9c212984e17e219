/**
 * Rendering a roll-up component into the jsdom document with the tab's providers (Fluent's theme
 * and the Graph client context; the Graph calls themselves are replaced by jest.mock in each test),
 * and small helpers to find and press things by their accessible names, as a person would.
 * Test files run in the DOM environment `exports/domEnvironment.js` (their @jest-environment docblock).
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiProvider } from '../../../../src/tab/state/ApiContext';
import type { TokenSource } from '../../../../src/graph/types';

const tokenSource: TokenSource = { getToken: async () => 'test-token' };

export interface Rendered {
  readonly container: HTMLElement;
  unmount(): void;
}

let mounted: Root | null = null;

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted = root;
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <ApiProvider baseUrl="https://graph.test/v1.0" tokenSource={tokenSource}>
          {ui}
        </ApiProvider>
      </FluentProvider>,
    );
  });
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      if (mounted === root) mounted = null;
    },
  };
}

/** Lets pending promises (mocked Graph calls) settle and React re-render. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}

export async function click(element: Element): Promise<void> {
  await act(async () => {
    (element as HTMLElement).click();
  });
  await settle();
}

/** Sets a native select's or input's value the way React notices, and fires its events. */
export async function choose(element: Element, value: string): Promise<void> {
  const control = element as HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement;
  const proto = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  await act(async () => {
    setter?.call(control, value);
    control.dispatchEvent(new window.Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    control.dispatchEvent(new window.Event('change', { bubbles: true }));
  });
  await settle();
}

/** The text of an element, spaces tidied. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button whose visible text (or aria-label) is exactly `name`, anywhere in the document (dialogs are portalled). */
export function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((item) => (item.getAttribute('aria-label') ?? textOf(item)) === name);
  if (!found) throw new Error(`No button named "${name}". Buttons: ${[...document.querySelectorAll('button')].map((item) => item.getAttribute('aria-label') ?? textOf(item)).join(' | ')}`);
  return found;
}

export function queryButton(name: string): HTMLButtonElement | undefined {
  return [...document.querySelectorAll('button')].find((item) => (item.getAttribute('aria-label') ?? textOf(item)) === name);
}

/** The form control labelled `label` (a <label for> or aria-labelledby). */
export function control(label: string): HTMLElement {
  for (const element of document.querySelectorAll('label')) {
    if (textOf(element).replace(/\s*\*$/, '') === label && element.htmlFor) {
      const target = document.getElementById(element.htmlFor);
      if (target) return target;
    }
  }
  throw new Error(`No control labelled "${label}"`);
}

export function table(name: string): HTMLTableElement {
  const found = document.querySelector(`table[aria-label="${name}"]`);
  if (!found) throw new Error(`No table named "${name}"`);
  return found as HTMLTableElement;
}

/** Each body row's cells as text. */
export function rowsOf(element: HTMLTableElement): string[][] {
  return [...element.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td, th')].map((cell) => textOf(cell)));
}

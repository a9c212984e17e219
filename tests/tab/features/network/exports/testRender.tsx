/**
 * Rendering, finding by accessible name and clicking for the network feature's component tests,
 * on the jsdom document of testDom.ts (import that first). Queries go by role and name, as a
 * screen reader would find things.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

export interface Rendered {
  readonly container: HTMLElement;
  unmount(): void;
}

const mounted: Root[] = [];

export async function render(element: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  await act(async () => {
    root.render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
  });
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function cleanup(): void {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
}

/** Lets pending promises and effects run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name: aria-label, aria-labelledby, a label element, or the text. */
export function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)).filter((found): found is HTMLElement => found !== null).map(textOf).join(' ');
  const id = element.getAttribute('id');
  if (id) {
    const labelElement = [...document.querySelectorAll('label')].find((candidate) => candidate.htmlFor === id);
    if (labelElement) return textOf(labelElement);
  }
  return textOf(element);
}

const ROLE_SELECTORS: Readonly<Record<string, string>> = {
  button: 'button, [role="button"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  textbox: 'input:not([type]), input[type="text"], input[type="url"], textarea, [role="textbox"]',
  combobox: 'select, [role="combobox"]',
  dialog: '[role="dialog"], [role="alertdialog"]',
  table: 'table',
  alert: '[role="alert"]',
  status: '[role="status"]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li, [role="listitem"]',
  option: 'option, [role="option"]',
};

function hidden(element: Element): boolean {
  if (element.closest('[hidden]') !== null) return true;
  const ariaHidden = element.closest('[aria-hidden="true"]');
  // Under jsdom, Fluent's focus manager (tabster) sometimes leaves aria-hidden on an open modal
  // dialog even while focus is inside it; in a browser the focused modal is never hidden.
  return ariaHidden !== null && !(ariaHidden.getAttribute('aria-modal') === 'true' && ariaHidden.contains(document.activeElement));
}

export function allByRole(role: string, name?: string | RegExp, within: ParentNode = document.body): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role="${role}"]`;
  return [...within.querySelectorAll<HTMLElement>(selector)].filter((element) => {
    if (hidden(element)) return false;
    if (name === undefined) return true;
    const accessible = nameOf(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

export function byRole(role: string, name?: string | RegExp, within: ParentNode = document.body): HTMLElement {
  const found = allByRole(role, name, within);
  if (found.length !== 1) {
    const names = allByRole(role, undefined, within).map(nameOf);
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s: ${JSON.stringify(names)}`);
  }
  return found[0] as HTMLElement;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
  await settle();
}

/** Types into an input as React sees it (the native value setter, then an input event). */
export async function type(element: HTMLElement, text: string): Promise<void> {
  const input = element as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
  await act(async () => {
    setter?.call(input, text);
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
  });
  await settle();
}

/**
 * Rendering a tab component the way the tab does, inside its providers: Fluent's theme and the
 * Graph client context (each test replaces the Graph calls themselves with jest.mock). Finding
 * things by role and name and pressing them is Testing Library's own (`screen`, `within`,
 * `userEvent`), used directly by the tests; beside the wrapper are only a table's rows as text and
 * the open-dialog lookup that jsdom needs (findOpenDialog says why).
 */
import type { ReactElement, ReactNode } from 'react';
import { render, screen, waitFor, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiProvider } from '../../src/tab/state/ApiContext';
import type { TokenSource } from '../../src/graph/types';

const tokenSource: TokenSource = { getToken: async () => 'test-token' };

function TabProviders({ children }: { readonly children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ApiProvider baseUrl="https://graph.test/v1.0" tokenSource={tokenSource}>
        {children}
      </ApiProvider>
    </FluentProvider>
  );
}

/** Renders `ui` inside the tab's providers; Testing Library unmounts it after each test. */
export function renderTab(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: TabProviders });
}

/** An element's text with its spaces tidied, as a person reads it. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Each body row of a table, its cells (header or data) as text. */
export function rowsOf(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td, th')].map((cell) => textOf(cell)));
}

/**
 * The open modal dialog (named `name`, if given), once it holds the focus.
 *
 * Why `{ hidden: true }`: under jsdom, Fluent's focus manager (tabster) leaves aria-hidden="true" on
 * an open modal DialogSurface even while the focus is inside it; in a browser the focused modal is
 * never hidden. Testing Library's default query skips anything under aria-hidden, so it would not
 * find the dialog, nor anything in it. This looks with `hidden: true` and then checks what a person
 * would notice: the dialog is open, modal and has the focus. Queries inside the dialog pass
 * `hidden: true` for the same reason, and only they.
 */
export async function findOpenDialog(name?: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = screen.getByRole('dialog', { hidden: true, ...(name === undefined ? {} : { name }) });
    if (dialog.getAttribute('aria-modal') !== 'true' || !dialog.contains(document.activeElement)) {
      throw new Error('The dialog is there but does not hold the focus yet.');
    }
    return dialog;
  });
}

/**
 * The register view at 2,000 entries (generated in memory with the domain):
 * - firstRenderMs: from the rows to the rendered table, rendering RegisterTable with react-dom into
 *   jsdom (not a browser: no layout or paint, so it measures React + Fluent work, the part we control).
 *   Baseline: the same table with every row rendered (no windowing).
 * - filterKeystrokeMs: one search keystroke over 2,000 entries with the pure filtering code on
 *   precomputed search text, plus the React re-render of the table. Baseline: search text recomputed
 *   from each entry on every keystroke and the table re-rendered without windowing.
 * Figures are medians of several runs, after a warm-up.
 */
import { createElement } from 'react';
import type { BenchFigure, BenchModule } from './figures';
import { installDom, median } from './jsdom';
import {
  CATEGORIES,
  LIFECYCLES,
  PROVISIONS,
  addDays,
  emptyEntry,
  entrySearchText,
  reviewStatus,
  riskFlags,
  type RegisterEntry,
  type StoredEntry,
} from '@domain';
import { NO_FILTERS, applyFilters, indexRows, type IndexedRow } from '../src/tab/state/registerFiltering';
import type { RegisterRow } from '../src/tab/state/registerData';

const COUNT = 2000;
const TODAY = '2026-03-01';
const TARGET_KEYSTROKE_MS = 50;
const SUPPLIERS = ['Optum', 'Accurx', 'X-on', 'Docman', 'NHS England', 'Ardens', 'Heidi Health', 'Local IT'];

function makeRows(count: number): RegisterRow[] {
  return Array.from({ length: count }, (_unused, index) => {
    const entry: RegisterEntry = {
      ...emptyEntry(),
      title: `Service ${index} ${SUPPLIERS[index % SUPPLIERS.length]}`,
      supplier: SUPPLIERS[(index * 7) % SUPPLIERS.length] as string,
      purpose: `Purpose of service number ${index}, used by reception and clinicians.`,
      category: CATEGORIES[index % CATEGORIES.length]!.code,
      provision: PROVISIONS[index % PROVISIONS.length]!.code,
      lifecycle: LIFECYCLES[index % LIFECYCLES.length]!.code,
      owner: index % 9 === 0 ? null : { entraId: `user-${index % 40}`, displayName: `Person ${index % 40}`, upn: `person${index % 40}@nhs.net` },
      nextReviewDue: index % 5 === 0 ? null : addDays(TODAY, (index % 400) - 100),
      dataTypes: index % 3 === 0 ? ['none'] : ['patient-identifiable'],
    };
    const stored: StoredEntry = { id: String(index + 1), eTag: `"${index},1"`, entry, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
    return { stored, status: reviewStatus(entry, TODAY), flags: riskFlags(entry, TODAY, { ownerLeft: false }) };
  });
}

/** Naive filtering: the search text is rebuilt from every entry on every keystroke. */
function naiveFilter(rows: readonly RegisterRow[], search: string): RegisterRow[] {
  const needle = search.toLowerCase();
  return rows.filter((row) => entrySearchText(row.stored.entry).includes(needle));
}

async function run(): Promise<BenchFigure[]> {
  installDom();
  const { flushSync } = await import('react-dom');
  const { createRoot } = await import('react-dom/client');
  const { FluentProvider, teamsLightTheme } = await import('@fluentui/react-components');
  const { RegisterTable } = await import('../src/tab/features/register/RegisterTable');
  const rows = makeRows(COUNT);
  const noop = () => undefined;

  const render = (shown: readonly RegisterRow[], virtualiseFrom: number | undefined, root: ReturnType<typeof createRoot>) => {
    const table = createElement(RegisterTable, { rows: shown, sort: { column: 'title', direction: 'ascending' }, onSort: noop, onOpen: noop, virtualiseFrom });
    flushSync(() => root.render(createElement(FluentProvider, { theme: teamsLightTheme }, table)));
  };

  /** Time to render `rows` into a fresh root; `virtualiseFrom` Infinity renders every row. */
  const firstRender = (virtualiseFrom: number | undefined): number => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const started = performance.now();
    const indexed = indexRows(rows);
    render(applyFilters(indexed, NO_FILTERS), virtualiseFrom, root);
    const elapsed = performance.now() - started;
    root.unmount();
    container.remove();
    return elapsed;
  };

  for (let warm = 0; warm < 2; warm += 1) {
    firstRender(undefined);
    firstRender(Infinity);
  }
  const windowedRenders = Array.from({ length: 5 }, () => firstRender(undefined));
  const fullRenders = Array.from({ length: 3 }, () => firstRender(Infinity));

  // Keystrokes: typing "service 1" one letter at a time, each applied to all 2,000 entries.
  const typed = 'service 1';
  const keystrokes = (virtualiseFrom: number | undefined, naive: boolean): number[] => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const indexed: IndexedRow<RegisterRow>[] = indexRows(rows);
    render(rows, virtualiseFrom, root);
    const times: number[] = [];
    for (let length = 1; length <= typed.length; length += 1) {
      const search = typed.slice(0, length);
      const started = performance.now();
      const shown = naive ? naiveFilter(rows, search) : applyFilters(indexed, { ...NO_FILTERS, search });
      render(shown, virtualiseFrom, root);
      times.push(performance.now() - started);
    }
    root.unmount();
    container.remove();
    return times;
  };
  keystrokes(undefined, false);
  const fast = keystrokes(undefined, false);
  const naive = keystrokes(Infinity, true);

  // The pure filtering alone, for the record.
  const indexed = indexRows(rows);
  const pureTimes = Array.from({ length: 30 }, (_unused, index) => {
    const started = performance.now();
    applyFilters(indexed, { ...NO_FILTERS, search: typed.slice(0, (index % typed.length) + 1) });
    return performance.now() - started;
  });

  const keystrokeMs = median(fast);
  return [
    {
      key: 'firstRenderMs',
      value: median(windowedRenders),
      unit: 'ms',
      baseline: median(fullRenders),
      note: `${COUNT} entries, rows to rendered table with react-dom in jsdom (no layout/paint); baseline renders every row`,
    },
    {
      key: 'filterKeystrokeMs',
      value: keystrokeMs,
      unit: 'ms',
      target: `under ${TARGET_KEYSTROKE_MS} ms`,
      met: keystrokeMs < TARGET_KEYSTROKE_MS,
      baseline: median(naive),
      note: `one search keystroke over ${COUNT} entries incl. React re-render in jsdom; pure filtering alone ${median(pureTimes)} ms`,
    },
  ];
}

export const registerBench: BenchModule = { name: 'register', run };

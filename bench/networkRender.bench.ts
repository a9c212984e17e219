/**
 * pcnRenderMs: the PCN view's "Practices side by side" for 8 practices of 200 entries each (made in
 * memory with the domain), from the loaded registers to the rendered table: each practice's ten
 * questions, review states, risk flags and counts worked out, then SideBySideTable rendered with
 * react-dom into jsdom (no layout or paint: the React, Fluent and domain work we control). Median of
 * five renders after a warm-up.
 */
import { createElement } from 'react';
import { CATEGORIES, LIFECYCLES, addDays, emptyEntry, type RegisterEntry, type StoredEntry } from '@domain';
import type { PracticeLoad } from '@domain/network';
import type { BenchFigure, BenchModule } from './figures';
import { installDom, median } from './jsdom';

const PRACTICES = 8;
const ENTRIES = 200;
const TODAY = '2026-03-01';
const TARGET_MS = 500;

function practiceLoad(practice: number): PracticeLoad {
  const key = `site-${practice}`;
  const entries: StoredEntry[] = Array.from({ length: ENTRIES }, (_unused, index) => {
    const entry: RegisterEntry = {
      ...emptyEntry(),
      title: `Service ${index}`,
      category: CATEGORIES[index % CATEGORIES.length]!.code,
      lifecycle: LIFECYCLES[(index + practice) % LIFECYCLES.length]!.code,
      owner: index % 11 === 0 ? null : { entraId: `user-${index % 30}`, displayName: `Person ${index % 30}`, upn: `person${index % 30}@nhs.net` },
      nextReviewDue: index % 6 === 0 ? null : addDays(TODAY, (index % 400) - 120),
      dataTypes: index % 3 === 0 ? ['none'] : ['patient-identifiable'],
      downtimeProcess: index % 4 === 0 ? '' : 'Paper forms in the red folder.',
    };
    return { id: String(index + 1), eTag: `"${index},1"`, entry, createdAt: '', createdBy: '', modifiedAt: `2026-02-${String((index % 27) + 1).padStart(2, '0')}T10:00:00Z`, modifiedBy: '' };
  });
  return {
    state: 'loaded',
    practice: { key, name: `Practice ${practice + 1}`, siteUrl: `https://contoso.sharepoint.com/sites/practice${practice}`, teamId: '', odsCode: '', settingsListId: '', addedBy: '', addedAt: '' },
    membership: { state: 'joined', kind: 'pcn', networkName: 'Bench PCN', networkTeamId: 'team', networkSiteId: 'pcn-site', changedOn: TODAY, changedBy: 'Bench' },
    entries,
    openIncidents: [],
  };
}

async function run(): Promise<BenchFigure[]> {
  installDom();
  const { flushSync } = await import('react-dom');
  const { createRoot } = await import('react-dom/client');
  const { FluentProvider, teamsLightTheme } = await import('@fluentui/react-components');
  const { SideBySideTable } = await import('../src/tab/features/network/SideBySideTable');
  const noop = () => undefined;

  const render = (): number => {
    // Fresh loads each time, so nothing memoised from the last render is reused.
    const loads = Array.from({ length: PRACTICES }, (_unused, practice) => practiceLoad(practice));
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const started = performance.now();
    const table = createElement(SideBySideTable, { loads, today: TODAY, retrying: new Set<string>(), onRetry: noop, onOpen: noop });
    flushSync(() => root.render(createElement(FluentProvider, { theme: teamsLightTheme }, table)));
    const elapsed = performance.now() - started;
    if (container.querySelectorAll('tbody tr').length !== PRACTICES) throw new Error('The side-by-side table did not render every practice.');
    root.unmount();
    container.remove();
    return elapsed;
  };

  render();
  render();
  const value = median(Array.from({ length: 5 }, render));
  return [
    {
      key: 'pcnRenderMs',
      value,
      unit: 'ms',
      target: `at most ${TARGET_MS} ms`,
      met: value <= TARGET_MS,
      note: `${PRACTICES} practices x ${ENTRIES} entries: loaded registers to the rendered "Practices side by side" (ten questions, flags and counts per practice) with react-dom in jsdom`,
    },
  ];
}

export const networkRenderBench: BenchModule = { name: 'networkRender', run };

/**
 * The "Dependency map" view (issue 16): the practice's services and what each depends on, drawn
 * (React Flow + dagre, loaded only with this view: see app/views.tsx) or as a list for keyboard
 * and screen-reader users ("Map" / "List"). Filters by category or "only critical services and
 * what they need". Choosing a service in either opens "What else breaks".
 */
import { useCallback, useMemo, useState } from 'react';
import { Checkbox, Field, Select, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CATEGORIES, type Category } from '@domain';
import { buildDependencyGraph, whatElseBreaks } from '@domain/dependencies';
import { useRegisterData } from '../../state/registerData';
import { useOpenRegisterWith } from '../../state/registerFilters';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { DependencyFlow } from './DependencyFlow';
import { DependencyList } from './DependencyList';
import { CycleNote, MapLegend, ProblemNote } from './MapNotes';
import { NO_MAP_FILTER, mapModelOf, type MapFilter } from './mapModel';
import { WhatElseBreaksPanel } from './WhatElseBreaksPanel';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  canvas: {
    height: 'max(420px, calc(100vh - 420px))',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  listWrap: { maxWidth: '900px' },
});

type Shown = 'map' | 'list';

export function DependencyMapPage() {
  const styles = useStyles();
  const { state, reload } = useRegisterData();
  const openRegister = useOpenRegisterWith();
  const [shown, setShown] = useState<Shown>('map');
  const [filter, setFilter] = useState<MapFilter>(NO_MAP_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const entries = useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored) : []), [state]);
  const graph = useMemo(() => buildDependencyGraph(entries), [entries]);
  const model = useMemo(() => mapModelOf(graph, filter), [graph, filter]);
  const visible = useMemo(() => new Set(model.nodes.filter((node) => !node.deleted).map((node) => node.id)), [model]);
  const linkCount = useMemo(() => [...graph.dependsOn.values()].reduce((sum, list) => sum + list.length, 0), [graph]);
  // The chosen service and everything that breaks with it stand out on the map.
  const highlighted = useMemo(() => {
    if (!selectedId) return new Set<string>();
    return new Set([selectedId, ...whatElseBreaks(graph, selectedId).affected.map((item) => item.entryId)]);
  }, [graph, selectedId]);

  const openEntry = useCallback(
    (entryId: string) => {
      setSelectedId(null);
      openRegister({}, entryId);
    },
    [openRegister],
  );

  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">Dependency map</Text>
      <Text>
        Which services depend on which. Choose a service to see what else breaks if it fails, with each one’s downtime
        process. Record what a service depends on in its entry, under “Depends on”.
      </Text>
      <div className={styles.bar}>
        <TabList
          aria-label="Show the dependencies as"
          selectedValue={shown}
          onTabSelect={(_event, data) => setShown(data.value as Shown)}
        >
          <Tab value="map">Map</Tab>
          <Tab value="list">List</Tab>
        </TabList>
        <Field label="Category">
          <Select
            value={filter.category}
            onChange={(_event, data) => setFilter((current) => ({ ...current, category: data.value as Category | '' }))}
          >
            <option value="">All categories</option>
            {CATEGORIES.map((category) => (
              <option key={category.code} value={category.code}>{category.label}</option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Only critical services and what they need"
          checked={filter.criticalOnly}
          onChange={(_event, data) => setFilter((current) => ({ ...current, criticalOnly: data.checked === true }))}
        />
      </div>
      <Text aria-live="polite">
        {model.nodes.filter((node) => !node.deleted).length} of {model.total} services shown; {linkCount}{' '}
        {linkCount === 1 ? 'dependency' : 'dependencies'} recorded in the register.
      </Text>
      <CycleNote cycles={model.cycles} />
      <ProblemNote problems={model.problems} />
      {model.total === 0 ? (
        <Text>The register has no services yet.</Text>
      ) : shown === 'map' ? (
        <>
          <MapLegend />
          <section className={styles.canvas} aria-label="Dependency map drawing">
            <DependencyFlow model={model} onSelect={setSelectedId} highlighted={highlighted} />
          </section>
        </>
      ) : (
        <section className={styles.listWrap} aria-label="Dependency list">
          <DependencyList graph={graph} visible={visible} onSelect={setSelectedId} />
        </section>
      )}
      <WhatElseBreaksPanel graph={graph} entryId={selectedId} onClose={() => setSelectedId(null)} onOpenEntry={openEntry} />
    </main>
  );
}

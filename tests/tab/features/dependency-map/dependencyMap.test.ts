/**
 * The dependency map's model and layout (src/tab/features/dependency-map), without a browser:
 * filters, deleted and retired targets, cycles, the left-to-right layout, and the words a node is
 * read out with. The drawn map itself is covered in Chromium (tests/e2e/dependencyMap.test.ts).
 */
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../../../src/domain/entry';
import { buildDependencyGraph } from '../../../../src/domain/dependencies';
import { layoutLinks, layoutMap, NODE_WIDTH } from '../../../../src/tab/features/dependency-map/layout';
import { DELETED_PREFIX, mapModelOf, NO_MAP_FILTER } from '../../../../src/tab/features/dependency-map/mapModel';
import { nodeAriaLabel } from '../../../../src/tab/features/dependency-map/ServiceNode';
import { luminanceOf } from '../../../../src/tab/features/dependency-map/colorMode';
import { generatedLinks, generatedServices, withGeneratedLinks } from '../../../support/dependencyRegister';

function stored(id: string, fields: Partial<RegisterEntry>): StoredEntry {
  return { id, eTag: `"${id},1"`, entry: { ...emptyEntry(), ...fields }, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

const link = (entryId: string, title: string, kind: 'integration' | 'shared-login' | 'infrastructure' = 'integration') => ({ entryId, title, kind, why: '' });

/** EMIS (critical) <- Docman <- Viewer; HSCN <- EMIS; Sync <-> Docman (a cycle); Old retired; Fax deleted. */
const REGISTER: StoredEntry[] = [
  stored('1', { title: 'EMIS Web', category: 'clinical-system', criticality: 'critical', dependsOn: [link('2', 'HSCN', 'infrastructure')] }),
  stored('2', { title: 'HSCN', category: 'network-infrastructure', criticality: 'high' }),
  stored('3', { title: 'Docman', category: 'document-management', dependsOn: [link('1', 'EMIS Web'), link('5', 'Sync')] }),
  stored('4', { title: 'Viewer', category: 'records-sharing', dependsOn: [link('3', 'Docman'), link('6', 'Old scanner'), link('99', 'Fax gateway')] }),
  stored('5', { title: 'Sync', category: 'document-management', dependsOn: [link('3', 'Docman')] }),
  stored('6', { title: 'Old scanner', category: 'other', lifecycle: 'retired' }),
  stored('7', { title: 'Website', category: 'patient-facing', criticality: 'low' }),
];

test('every service is a node; a deleted target is a node of its own, flagged, named as the link stored it', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER));
  expect(model.total).toBe(7);
  expect(model.nodes.map((node) => node.id)).toEqual(['3', '1', '2', '6', '5', '4', '7', `${DELETED_PREFIX}99`]);
  const fax = model.nodes.find((node) => node.deleted);
  expect(fax).toMatchObject({ entryId: '99', title: 'Fax gateway', deleted: true });
  expect(model.edges.find((edge) => edge.target === `${DELETED_PREFIX}99`)).toMatchObject({ source: '4', problem: 'deleted' });
  expect(model.edges.find((edge) => edge.target === '6')).toMatchObject({ source: '4', problem: 'retired' });
  expect(model.problems.map((problem) => problem.kind).sort()).toEqual(['deleted', 'retired']);
});

test('links on a cycle are marked and the cycle is listed; other links are not', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER));
  expect(model.cycles).toHaveLength(1);
  expect(model.cycles[0]?.loopTitles).toEqual(['Docman', 'Sync', 'Docman']);
  const onCycle = model.edges.filter((edge) => edge.onCycle).map((edge) => edge.id).sort();
  expect(onCycle).toEqual(['3->5', '5->3']);
  expect(model.nodes.filter((node) => node.onCycle).map((node) => node.title).sort()).toEqual(['Docman', 'Sync']);
});

test('"only critical and what they need" keeps the critical services and everything they depend on, through others', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER), { ...NO_MAP_FILTER, criticalOnly: true });
  expect(model.nodes.map((node) => node.title)).toEqual(['EMIS Web', 'HSCN']);
  expect(model.edges.map((edge) => edge.id)).toEqual(['1->2']);
});

test('a category shows its services and their direct neighbours as context, never links between two context services', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER), { ...NO_MAP_FILTER, category: 'document-management' });
  const byTitle = new Map(model.nodes.map((node) => [node.title, node.context] as const));
  expect(byTitle).toEqual(new Map([['Docman', false], ['EMIS Web', true], ['Sync', false], ['Viewer', true]]));
  // EMIS Web -> HSCN is outside the filter; Viewer -> Docman stays (one end chosen).
  expect(model.edges.map((edge) => edge.id).sort()).toEqual(['3->1', '3->5', '4->3', '5->3']);
});

test('the layout reads left to right: a service sits left of what it depends on (outside cycles)', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER));
  const at = layoutMap(model);
  for (const edge of model.edges.filter((candidate) => !candidate.onCycle)) {
    expect((at.get(edge.source)?.x ?? 0) + NODE_WIDTH).toBeLessThan(at.get(edge.target)?.x ?? 0);
  }
});

test('150 services and 400 links lay out, every node placed and none on top of another', () => {
  const links = generatedLinks(150, 400);
  expect(links).toHaveLength(400);
  const entries = withGeneratedLinks(generatedServices(150), links, (index) => String(index + 1));
  const graph = buildDependencyGraph(entries.map((entry, index) => stored(String(index + 1), entry)));
  const model = mapModelOf(graph);
  const at = layoutMap(model);
  expect(model.nodes).toHaveLength(150);
  expect(model.edges).toHaveLength(400);
  expect(model.cycles).toHaveLength(2);
  const corners = new Set([...at.values()].map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
  expect(corners.size).toBe(150);
  expect([...at.values()].every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
  // The time is the bench's figure (dependencyMapRenderMs, in Chromium), not asserted here.
});

test('a node is read out with its name, "Critical" and its links, not by colour', () => {
  const model = mapModelOf(buildDependencyGraph(REGISTER));
  const emis = model.nodes.find((node) => node.title === 'EMIS Web');
  expect(emis && nodeAriaLabel(emis)).toBe('EMIS Web, Critical, Clinical system. Depends on 1 service; 1 depends on it.');
  const fax = model.nodes.find((node) => node.deleted);
  expect(fax && nodeAriaLabel(fax)).toBe('Fax gateway, Deleted from the register.');
  const docman = model.nodes.find((node) => node.title === 'Docman');
  expect(docman && nodeAriaLabel(docman)).toBe('Docman, On a cycle, Document management. Depends on 2 services; 2 depend on it.');
});

test('the map takes its light or dark mode from the Fluent background colour', () => {
  expect(luminanceOf('#ffffff')).toBeCloseTo(1);
  expect(luminanceOf('#000000')).toBe(0);
  expect(luminanceOf('#292929')).toBeLessThan(0.4);
  expect(luminanceOf('var(--x)')).toBeNull();
});

test('dagre lays out only the links not implied by others, plus those closing a cycle', () => {
  // a -> b -> c and a -> c (implied); d <-> e (a cycle, both kept).
  const kept = layoutLinks(['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'd']]);
  expect(kept.map(([from, to]) => `${from}${to}`).sort()).toEqual(['ab', 'bc', 'de', 'ed']);
});

/** Small register builders for the dependency tests. */
import type { Dependency, DependencyKind, Lifecycle, StoredEntry } from '../../../src/domain';
import { healthyEntry } from '../entryFixture';

export function link(entryId: string, kind: DependencyKind = 'integration', why = '', title = `Title ${entryId}`): Dependency {
  return { entryId, title, kind, why };
}

export function stored(id: string, title: string, dependsOn: readonly (string | Dependency)[] = [], lifecycle: Lifecycle = 'live'): StoredEntry {
  return {
    id,
    eTag: `"${id},1"`,
    entry: healthyEntry({ title, lifecycle, dependsOn: dependsOn.map((target) => (typeof target === 'string' ? link(target) : target)) }),
    createdAt: '2026-06-01T09:00:00Z',
    createdBy: 'Priya Shah',
    modifiedAt: '2026-06-01T09:00:00Z',
    modifiedBy: 'Priya Shah',
  };
}

/**
 * Open incidents as the register shows them: per entry (the entry's own incidents), and which
 * entries are affected (the failed service itself, and everything that breaks with it through its
 * dependencies, from src/domain/dependencies `whatElseBreaks`). Pure; the graph is built once.
 */
import type { StoredEntry } from '../entry';
import { buildDependencyGraph, whatElseBreaks, type AffectedService } from '../dependencies';
import type { Incident } from './incident';

/** Newest first by start, then by key, so every view lists them in the same order. */
export function compareIncidents(a: Incident, b: Incident): number {
  return Date.parse(b.startedAt) - Date.parse(a.startedAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function openIncidents(incidents: readonly Incident[]): Incident[] {
  return incidents.filter((incident) => incident.state === 'open').sort(compareIncidents);
}

/** Each entry's own open incidents (the entry is the service declared down or degraded), newest first. */
export function openIncidentsByEntry(incidents: readonly Incident[]): Map<string, Incident[]> {
  const byEntry = new Map<string, Incident[]>();
  for (const incident of openIncidents(incidents)) {
    const list = byEntry.get(incident.entryId);
    if (list) list.push(incident);
    else byEntry.set(incident.entryId, [incident]);
  }
  return byEntry;
}

/** Every incident of one entry (open and restored), newest first: the entry's incident history. */
export function incidentsOfEntry(incidents: readonly Incident[], entryId: string): Incident[] {
  return incidents.filter((incident) => incident.entryId === entryId).sort(compareIncidents);
}

/** Why an entry is affected by one open incident. */
export interface IncidentEffect {
  readonly incident: Incident;
  /** True for the service the incident was declared on; false for one that depends on it. */
  readonly direct: boolean;
  /** For an indirect effect: how it depends on the failed service (path, depth, downtime process). */
  readonly through: AffectedService | null;
}

/**
 * The entries affected by open incidents: for each affected entry id, the incidents behind it,
 * the direct ones first, then nearest first, then newest. An entry depending on two failed
 * services lists both. Restored incidents affect nothing.
 */
export function affectedBy(entries: readonly StoredEntry[], incidents: readonly Incident[]): Map<string, IncidentEffect[]> {
  const open = openIncidents(incidents);
  const result = new Map<string, IncidentEffect[]>();
  if (open.length === 0) return result;
  const graph = buildDependencyGraph(entries);
  const add = (entryId: string, effect: IncidentEffect) => {
    const list = result.get(entryId);
    if (list) list.push(effect);
    else result.set(entryId, [effect]);
  };
  for (const incident of open) {
    add(incident.entryId, { incident, direct: true, through: null });
    for (const service of whatElseBreaks(graph, incident.entryId).affected) add(service.entryId, { incident, direct: false, through: service });
  }
  const depthOf = (effect: IncidentEffect) => (effect.direct ? 0 : (effect.through?.depth ?? 0));
  for (const list of result.values()) list.sort((a, b) => depthOf(a) - depthOf(b) || compareIncidents(a.incident, b.incident));
  return result;
}

/** The ids of every entry affected by an open incident (for row badges). */
export function affectedEntryIds(entries: readonly StoredEntry[], incidents: readonly Incident[]): Set<string> {
  return new Set(affectedBy(entries, incidents).keys());
}

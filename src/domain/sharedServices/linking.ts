/**
 * Making the link (the practice's "Link a PCN service") and what the service posts for a shared
 * service's incident.
 */
import type { RegisterEntry, StoredEntry } from '../entry';
import { formatSharedFrom, parseSharedFrom, sameLink, type SharedLink } from './sharedLink';

/**
 * The practice's new entry for a PCN service: a copy of the PCN entry's values (what the row shows
 * if the PCN's entry cannot be read later), the link, and blank local fields. Its dependencies are
 * the practice's own, so none are copied.
 */
export function linkedEntryFor(pcnEntry: StoredEntry, pcnSiteId: string): RegisterEntry {
  return {
    ...pcnEntry.entry,
    provision: 'pcn-shared',
    dependsOn: [],
    sharedFrom: formatSharedFrom({ siteId: pcnSiteId, itemId: pcnEntry.id }),
    localContact: '',
    localAccessProcess: '',
    localNotes: '',
  };
}

/** The practice's entry that already links to `link`, if any: the same PCN entry is never linked twice. */
export function entryLinkedTo(entries: readonly StoredEntry[], link: SharedLink): StoredEntry | undefined {
  return entries.find((stored) => {
    const own = parseSharedFrom(stored.entry.sharedFrom);
    return own !== null && sameLink(own, link);
  });
}

/** The PCN register's entries a practice may link to: those it provides as PCN-shared and not retired. */
export function shareableEntries(pcnEntries: readonly StoredEntry[]): StoredEntry[] {
  return pcnEntries
    .filter((stored) => stored.entry.provision === 'pcn-shared' && stored.entry.lifecycle !== 'retired' && stored.entry.sharedFrom === '')
    .sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }));
}

/**
 * The service's ledger key for posting one PCN incident to one practice's channel: claimed once,
 * so it is posted once and, claimed before the post, never missed (docs/reminders.md).
 */
export function sharedIncidentKey(pcnSiteId: string, incidentKey: string): string {
  return `shared-incident:${pcnSiteId}:${incidentKey}`;
}

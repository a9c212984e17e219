/**
 * The PCN entries a practice's register links to (issue 18), read after the register loads: one
 * batched read per PCN site (graph/sharedServices), and only when the register has linked entries.
 * A site that cannot be read (no Visitor access, throttled, gone) leaves its entries out, so those
 * rows keep their local values and say "PCN entry unavailable"; it never fails the register.
 */
import { useEffect, useMemo, useState } from 'react';
import type { StoredEntry } from '@domain';
import { linkedItemsBySite, sharedKey } from '@domain/sharedServices';
import type { GraphClient } from '@graph';

/** The PCN entries read, by `sharedKey`; null while they are being read. */
export type SharedLookup = ReadonlyMap<string, StoredEntry> | null;

const NOTHING_LINKED: SharedLookup = new Map();

/** Every linked PCN entry, by site, with the sites that could not be read left out. */
export async function readLinkedEntries(client: GraphClient, bySite: ReadonlyMap<string, readonly string[]>): Promise<Map<string, StoredEntry>> {
  const found = new Map<string, StoredEntry>();
  // Loaded only when the register links to a PCN entry, so the register's first download does not grow.
  const { readSharedEntries } = await import('@graph/sharedServices');
  await Promise.all(
    [...bySite].map(async ([siteId, itemIds]) => {
      const entries = await readSharedEntries(client, siteId, itemIds).catch(() => new Map<string, StoredEntry>());
      for (const [itemId, stored] of entries) found.set(sharedKey({ siteId, itemId }), stored);
    }),
  );
  return found;
}

/**
 * @param entries the register's own entries (null while loading).
 * @param generation bumped by a reload, so the PCN's latest values (a review at the PCN) are read again.
 */
export function useSharedEntries(client: GraphClient, entries: readonly StoredEntry[] | null, generation: number): SharedLookup {
  // Only the set of links matters: an edit of a local field must not read the PCN again.
  const wanted = useMemo(() => JSON.stringify([...linkedItemsBySite(entries ?? [])].map(([site, ids]) => [site, [...ids].sort()]).sort()), [entries]);
  const [read, setRead] = useState<{ readonly wanted: string; readonly generation: number; readonly lookup: SharedLookup } | null>(null);
  useEffect(() => {
    const bySite = new Map(JSON.parse(wanted) as Array<[string, string[]]>);
    if (bySite.size === 0) return;
    let current = true;
    void readLinkedEntries(client, bySite).then((lookup) => {
      if (current) setRead({ wanted, generation, lookup });
    });
    return () => {
      current = false;
    };
  }, [client, wanted, generation]);
  if (wanted === '[]') return NOTHING_LINKED;
  return read !== null && read.wanted === wanted && read.generation === generation ? read.lookup : null;
}

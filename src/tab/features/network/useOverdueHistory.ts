/**
 * Reads, when the Charts tab opens, the SharePoint versions of the entries changed within the
 * chart's months (overdueHistory.ts says which), a few requests at a time, with progress. One entry's
 * versions failing to load is judged on its current fields and counted, never fails the chart.
 */
import { useEffect, useState } from 'react';
import type { LocalDate } from '@domain';
import { monthEndsBefore, overdueOverTime, type EntryHistory, type OverduePoint, type PracticeLoad } from '@domain/network';
import type { GraphClient } from '@graph';
import { readEntryVersions, type NetworkDeltaCache } from '@graph/network';
import { currentOnly, planHistory, type VersionRead } from './overdueHistory';

/** The chart's months: the last twelve month ends. */
export const CHART_MONTHS = 12;
/** Requests in flight at once: enough to be quick, few enough not to be throttled with the rest of the tab. */
const PARALLEL_READS = 4;

export type OverdueHistoryState =
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | {
      readonly kind: 'ready';
      readonly points: readonly OverduePoint[];
      /** Entries changed within the months that were judged on their current fields (over the cap, or their versions could not be read). */
      readonly approximate: number;
      /** Entries whose versions were read. */
      readonly read: number;
    };

async function readHistory(client: GraphClient, read: VersionRead): Promise<EntryHistory> {
  const versions = await readEntryVersions(client, read.practice.key, read.registerListId, read.stored.id);
  return { practiceKey: read.practice.key, entryId: read.stored.id, versions };
}

export function useOverdueHistory(client: GraphClient, loads: readonly PracticeLoad[], today: LocalDate, cache: NetworkDeltaCache | undefined): OverdueHistoryState {
  const [state, setState] = useState<OverdueHistoryState>({ kind: 'reading', done: 0, total: 0 });

  useEffect(() => {
    let live = true;
    const months = monthEndsBefore(today, CHART_MONTHS);
    const plan = planHistory(loads, months, cache);
    const histories: EntryHistory[] = [...plan.known, ...plan.approximate];
    let approximate = plan.approximate.length;
    let done = 0;
    setState({ kind: 'reading', done: 0, total: plan.toRead.length });
    const queue = [...plan.toRead];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          histories.push(await readHistory(client, next));
        } catch {
          histories.push(currentOnly(next.practice.key, next.stored));
          approximate += 1;
        }
        done += 1;
        if (live) setState({ kind: 'reading', done, total: plan.toRead.length });
      }
    };
    void Promise.all(Array.from({ length: PARALLEL_READS }, worker)).then(() => {
      if (live) setState({ kind: 'ready', points: overdueOverTime(histories, months), approximate, read: plan.toRead.length - (approximate - plan.approximate.length) });
    });
    return () => {
      live = false;
    };
  }, [client, loads, today, cache]);

  return state;
}

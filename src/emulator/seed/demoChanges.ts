/**
 * The demo practice's change records (issue 17), so the Overview's question 9 is answered from data
 * on `npm start`: the changes list as setup would create it, a go-live record for Accurx (each gate
 * met), a tested change with its workload check done (EMIS Web), a tested change whose workload
 * check is overdue (Accurx), and one change with no record of testing (Cloud telephony), which the
 * "Change not tested" flag and question 9 list. Other live services show "Live without a go-live
 * record": the demo register predates the records, as a real one would.
 * Entries are found by title among the register's items, so nothing depends on their item ids.
 */
import { randomUUID } from 'node:crypto';
import { CHANGES_LIST, changeToFields, goLiveRecord, workloadCheckDueFor, type ChangeRecord } from '@domain/change';
import { GO_LIVE_GATES, emptyEntry, addDays, toColumnDefinition } from '@domain';
import { coerceFields } from '../model/fieldValues';
import { columnFromDefinition, type ListDoc } from '../model/lists';
import type { EmulatorState } from '../model/state';
import type { IdentitySet } from '../model/user';
import { seededGuid, seededRandom } from '../prng';

export interface DemoChangesTarget {
  readonly siteId: string;
  readonly teamId: string;
  readonly registerListId: string;
  readonly by: IdentitySet;
  /** ISO instant of the seed. */
  readonly at: string;
  readonly today: string;
}

export function seedDemoChanges(state: EmulatorState, target: DemoChangesTarget): void {
  // Its own random stream, so adding it leaves every other seeded id unchanged.
  const random = seededRandom(17);
  const list: ListDoc = {
    id: seededGuid(random), siteId: target.siteId, teamId: target.teamId, name: CHANGES_LIST.name.replace(/[^A-Za-z0-9]/g, ''), displayName: CHANGES_LIST.name,
    description: CHANGES_LIST.description ?? '', template: 'genericList', createdDateTime: target.at, lastModifiedDateTime: target.at, createdBy: target.by,
    columns: CHANGES_LIST.columns.map((column) => columnFromDefinition(toColumnDefinition(column), seededGuid(random))), nextItemId: 1, changeSeq: 0, epoch: randomUUID(),
  };
  state.storage.put('list', list.id, list, target.siteId);
  const idOf = new Map(state.items.list(target.registerListId).map((item) => [String(item.values.Title), item.id]));
  const name = target.by.user.displayName;
  const day = (days: number) => addDays(target.today, days);
  const change = (title: string, goLiveOn: string, record: Partial<ChangeRecord>): ChangeRecord | null => {
    const entryId = idOf.get(title);
    return entryId === undefined ? null : {
      key: `chg-${seededGuid(random)}`, entryId, serviceTitle: title, kind: 'change', whatChanged: '', howTested: '', approvedBy: name, staffTold: '',
      goLiveOn, workloadCheckDue: workloadCheckDueFor(goLiveOn), workloadCheck: null, gates: [], fromLifecycle: null,
      recordedBy: name, recordedAt: `${goLiveOn}T09:00:00.000Z`, ...record,
    };
  };
  const accurxId = idOf.get('Accurx');
  const records = [
    accurxId === undefined ? null : {
      ...goLiveRecord({ key: `chg-${seededGuid(random)}`, entryId: accurxId, entry: { ...emptyEntry(), title: 'Accurx' }, fromLifecycle: 'trial', by: name, today: day(-540), at: `${day(-540)}T09:00:00.000Z` }),
      staffTold: 'Practice meeting and a one-page quick guide at each reception desk.',
      gates: GO_LIVE_GATES.map((gate) => ({ gate: gate.code, state: 'met' as const })),
      workloadCheck: { on: day(-495), by: name, finding: 'Reception calls down by about a fifth; online requests now triaged by the duty GP.', actionNeeded: false },
    },
    change('EMIS Web', day(-90), {
      whatChanged: 'New appointment book template for the winter vaccination clinics.',
      howTested: 'Built in the EMIS training system; two receptionists booked and cancelled ten test appointments.',
      staffTold: 'Monday huddle and a note in the staff channel.',
      workloadCheck: { on: day(-45), by: name, finding: 'No new work found: bookings as expected.', actionNeeded: false },
    }),
    change('Accurx', day(-50), {
      whatChanged: 'Switched the online triage form to the new template with red-flag questions.',
      howTested: 'Three staff submitted test requests; the duty GP checked the red flags reached the urgent queue.',
      staffTold: 'Email to all staff and the updated quick guide.',
    }),
    change('Cloud telephony', day(-20), {
      whatChanged: 'Turned on call-back when the queue is longer than ten callers.',
      staffTold: 'Told reception at the morning huddle.',
    }),
  ].filter((record): record is ChangeRecord => record !== null);
  for (const record of records) {
    const current = state.storage.get<ListDoc>('list', list.id) as ListDoc;
    state.items.create(current, coerceFields(current, changeToFields(record), true), target.by);
  }
}

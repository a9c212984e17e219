/**
 * The columns of the reminder ledger list ("Digital Services Reminder Ledger"), as Graph
 * `columnDefinition`s: pure data, shared by the Graph layer (src/graph/reminderLedgerList.ts, which
 * provisions the list) and the emulator's benchmark seed (which writes the same list into storage).
 */
import { SINGLE_LINE_MAX } from './registerColumns';

export const REMINDER_LEDGER_LIST_NAME = 'Digital Services Reminder Ledger';

/**
 * claimed: a run is about to post these keys (or crashed before recording the post: they may or
 * may not be in the channel).
 * posted: they are in a digest in the channel; the activity notifications may not have gone yet.
 * notified: their owners (or the managers) have had their activity notifications too. Done.
 */
export type LedgerState = 'claimed' | 'posted' | 'notified';
export const LEDGER_STATES: readonly LedgerState[] = ['claimed', 'posted', 'notified'];

const text = (name: string, displayName: string, extra: Record<string, unknown> = {}) => ({
  name, displayName, required: false, indexed: false, enforceUniqueValues: false,
  text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX }, ...extra,
});
const dateTime = (name: string, displayName: string, indexed = false) => ({
  name, displayName, required: false, indexed, enforceUniqueValues: false, dateTime: { displayAs: 'default', format: 'dateTime' },
});

/** Graph `columnDefinition`s for `POST /sites/{site}/lists`. ClaimedAt is indexed: a run reads recent records only. */
export const REMINDER_LEDGER_COLUMNS: readonly Record<string, unknown>[] = [
  text('OccurrenceKey', 'Record key', { indexed: true, enforceUniqueValues: true }),
  {
    name: 'OccurrenceKeys', displayName: 'Occurrence keys', required: false, indexed: false, enforceUniqueValues: false,
    text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 },
  },
  {
    name: 'State', displayName: 'State', required: false, indexed: true, enforceUniqueValues: false,
    choice: { allowTextEntry: false, displayAs: 'dropDownMenu', choices: [...LEDGER_STATES] },
  },
  dateTime('ClaimedAt', 'Claimed at', true),
  dateTime('PostedAt', 'Posted at'),
  dateTime('NotifiedAt', 'Notified at'),
  text('RunId', 'Run id'),
  text('MessageId', 'Channel message id'),
  dateTime('LeaseUntil', 'Lease until'),
];

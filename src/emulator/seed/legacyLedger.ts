/**
 * The reminder ledger list the service used to keep in each practice's site ("Digital Services
 * Reminder Ledger"), as Graph `columnDefinition`s: legacy data now (the service keeps its ledger in
 * Table Storage), seeded in the benchmark practices so the one-time migration has an old list to read.
 */
import { SINGLE_LINE_MAX } from '@domain';

export const REMINDER_LEDGER_LIST_NAME = 'Digital Services Reminder Ledger';

const LEDGER_STATES = ['claimed', 'posted', 'notified'];

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

/**
 * What each saved version of an entry changed, for the History view: consecutive versions compared
 * field by field, with the form's labels and values as a person reads them. Pure (the clock and
 * the store are not touched), so the rules are unit-tested without a browser.
 */
import type { EntryVersion } from '@graph';
import { FORM_LABELS, differingFields, displayValue, type EntryField } from '../entryFields';

export interface FieldChange {
  readonly field: EntryField;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface HistoryItem {
  readonly versionLabel: string;
  /** The instant as Graph gave it (ISO 8601). */
  readonly modifiedAt: string;
  /** "3 Mar 2026, 14:05" in Europe/London, or "Unknown time". */
  readonly when: string;
  readonly who: string;
  /** True for the oldest version kept: the entry as first saved (or the oldest SharePoint still holds). */
  readonly isFirst: boolean;
  /** Empty for the first version, and for a save that changed none of the fields the form shows. */
  readonly changes: readonly FieldChange[];
}

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** An instant as UK staff read it: "3 Mar 2026, 14:05" (Europe/London, so summer time is right). */
export function formatWhen(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 'Unknown time' : WHEN.format(ms);
}

function byNewest(a: EntryVersion, b: EntryVersion): number {
  const byTime = Date.parse(b.modifiedAt || '0') - Date.parse(a.modifiedAt || '0');
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return Number(b.versionLabel) - Number(a.versionLabel);
}

/**
 * @param versions in any order (the store gives newest first; sorted again here so the rule holds).
 * @returns one item per version, newest first, each listing what it changed from the version before.
 */
export function versionHistory(versions: readonly EntryVersion[]): HistoryItem[] {
  const sorted = [...versions].sort(byNewest);
  return sorted.map((version, index) => {
    const previous = sorted[index + 1];
    const changes = previous
      ? differingFields(previous.entry, version.entry).map((field) => ({
          field,
          label: FORM_LABELS[field],
          from: displayValue(previous.entry, field),
          to: displayValue(version.entry, field),
        }))
      : [];
    return {
      versionLabel: version.versionLabel,
      modifiedAt: version.modifiedAt,
      when: formatWhen(version.modifiedAt),
      who: version.modifiedBy || 'Someone',
      isFirst: previous === undefined,
      changes,
    };
  });
}

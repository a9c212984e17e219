/**
 * The structured downtime process (issue 14): how you will notice, the paper workaround, what to
 * tell patients and back-filling records are fields of their own. Older entries hold one free-text
 * box (`downtimeProcess`); `migrateDowntimeText` sorts it into the fields by the labels a person
 * wrote ("How you will notice:", "What to tell patients:"...), applied whenever an item is read, and
 * keeps text with no label as "Other downtime notes" rather than guessing where it belongs.
 */
import type { RegisterEntry } from './entry';

/** The downtime pack's sections, in the order a card prints them. */
export type PackSection = 'notice' | 'workaround' | 'patients' | 'backfill';

export const PACK_SECTION_TITLES: Readonly<Record<PackSection, string>> = {
  notice: 'How you will notice it is down',
  workaround: 'Paper workaround',
  patients: 'What to tell patients',
  backfill: 'Back-filling records afterwards',
};

/** Headings (lower case, without the colon) that start each section in the downtime process text. */
const HEADINGS: ReadonlyArray<readonly [PackSection, RegExp]> = [
  ['notice', /^(how (you|we|staff) (will |would )?notice|how to (tell|notice)|signs?( it is down)?|symptoms|noticing)\b/],
  ['patients', /^(what to tell patients|tell(ing)? patients|patients?( message)?|message (for|to) patients)\b/],
  ['backfill', /^(back ?-?fill(ing)?( records)?|afterwards|after(wards)? (it is )?(back|restored)|recovery|catch(ing)? up)\b/],
  ['workaround', /^(paper workaround|workaround|downtime process|what to do|paper process|fallback)\b/],
];

function headingOf(line: string): { section: PackSection; rest: string } | null {
  const match = /^\s*(?:#+\s*)?([^:]{3,60}):\s*(.*)$/.exec(line);
  if (!match) return null;
  const words = (match[1] as string).trim().toLowerCase();
  const found = HEADINGS.find(([, pattern]) => pattern.test(words));
  return found ? { section: found[0], rest: (match[2] as string).trim() } : null;
}

/** Splits the downtime process text into the pack's sections (empty string for a missing one). */
export function splitDowntimeText(text: string): Record<PackSection, string> {
  const parts: Record<PackSection, string[]> = { notice: [], workaround: [], patients: [], backfill: [] };
  let current: PackSection = 'workaround';
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = headingOf(line);
    if (heading) {
      current = heading.section;
      if (heading.rest !== '') parts[current].push(heading.rest);
    } else parts[current].push(line);
  }
  const joined = (section: PackSection): string => parts[section].join('\n').trim();
  return { notice: joined('notice'), workaround: joined('workaround'), patients: joined('patients'), backfill: joined('backfill') };
}

export const DOWNTIME_FIELDS = ['downtimeNotice', 'downtimeWorkaround', 'downtimePatients', 'downtimeBackfill'] as const;
export type DowntimeField = (typeof DOWNTIME_FIELDS)[number];

/** Which pack section each field prints as. */
export const DOWNTIME_FIELD_SECTIONS: Readonly<Record<DowntimeField, PackSection>> = {
  downtimeNotice: 'notice',
  downtimeWorkaround: 'workaround',
  downtimePatients: 'patients',
  downtimeBackfill: 'backfill',
};

/** A heading at the start of a line that names a section (same words the pack used to look for). */
const ANY_LABEL = /^\s*(how (you|we|staff) (will |would )?notice|how to (tell|notice)|what to tell patients|tell(ing)? patients|back ?-?fill(ing)?( records)?|paper workaround|workaround)\b[^:\n]*:/im;

/** @returns true when any part of the downtime process is written down (structured or not). */
export function hasDowntimeProcess(entry: Pick<RegisterEntry, DowntimeField | 'downtimeProcess'>): boolean {
  return [...DOWNTIME_FIELDS, 'downtimeProcess' as const].some((field) => entry[field].trim() !== '');
}

/**
 * Pure and idempotent. An entry whose structured fields are all empty and whose free text carries
 * at least one label has that text sorted into the fields (text before any label goes to the paper
 * workaround, as the pack always printed it) and the free text cleared. Anything else is returned
 * unchanged: structured fields already in use are never overwritten, and unlabelled text stays as notes.
 */
export function migrateDowntimeText<T extends Pick<RegisterEntry, DowntimeField | 'downtimeProcess'>>(entry: T): T {
  const structured = DOWNTIME_FIELDS.some((field) => entry[field].trim() !== '');
  if (structured || !ANY_LABEL.test(entry.downtimeProcess)) return entry;
  const sections = splitDowntimeText(entry.downtimeProcess);
  return {
    ...entry,
    downtimeNotice: sections.notice,
    downtimeWorkaround: sections.workaround,
    downtimePatients: sections.patients,
    downtimeBackfill: sections.backfill,
    downtimeProcess: '',
  };
}

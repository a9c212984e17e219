/**
 * The printable downtime pack: one card per live service, most critical first, with what staff need
 * when the system is down and Teams may be too.
 *
 * The register has one "downtime process" field. Practices can split it into the pack's sections
 * with headings on their own line ("How you will notice:", "What to tell patients:", "Back-filling
 * records:"); text under no heading is the paper workaround. A missing section prints as a
 * prompt to write it, so gaps are visible on paper too.
 */
import { migrateDowntimeText } from '../downtime';
import { CRITICALITIES, type Criticality, type PersonRef, type RegisterEntry, type StoredEntry } from '../entry';

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

export interface ContactLine {
  readonly who: string;
  readonly phone: string;
  readonly hours: string;
  readonly email: string;
  readonly url: string;
  /** The reference the helpdesk will ask for (account, ODS code, contract number). */
  readonly reference: string;
}

export interface PackCard {
  readonly id: string;
  readonly title: string;
  readonly criticality: Criticality;
  readonly supplier: string;
  readonly owner: PersonRef | null;
  readonly deputy: PersonRef | null;
  readonly contacts: readonly ContactLine[];
  readonly sections: Record<PackSection, string>;
  readonly modifiedAt: string;
  /** The entry's version tag: any save changes it, so it tells a printed card from a changed one. */
  readonly eTag: string;
}

const RANK: ReadonlyMap<Criticality, number> = new Map(CRITICALITIES.map((option, index) => [option.code, index]));

function contactOf(who: string, entry: RegisterEntry): ContactLine {
  return { who, phone: entry.supportPhone, hours: entry.supportHours, email: entry.supportEmail, url: entry.supportUrl, reference: entry.supportReference };
}

/** The register's entry for the ICB's GP IT service desk, if it has one (the second number to call). */
export function findServiceDesk(entries: readonly StoredEntry[]): StoredEntry | undefined {
  return entries.find((stored) => stored.entry.lifecycle !== 'retired' && /service ?desk|it helpdesk/i.test(stored.entry.title));
}

/**
 * The pack's sections from the structured downtime fields (issue 14). Older free text is sorted by
 * its labels first (migrateDowntimeText, as on every read); text with no label ("Other downtime
 * notes") prints under the paper workaround, where the pack always printed unlabelled text.
 */
export function packSections(raw: StoredEntry['entry']): Record<PackSection, string> {
  const entry = migrateDowntimeText(raw);
  return {
    notice: entry.downtimeNotice.trim(),
    workaround: [entry.downtimeWorkaround, entry.downtimeProcess].map((text) => text.trim()).filter(Boolean).join('\n\n'),
    patients: entry.downtimePatients.trim(),
    backfill: entry.downtimeBackfill.trim(),
  };
}

/** Live services, most critical first, then by name; each with its supplier and the ICB desk as contacts. */
export function downtimeCards(entries: readonly StoredEntry[]): PackCard[] {
  const desk = findServiceDesk(entries);
  return entries
    .filter((stored) => stored.entry.lifecycle === 'live')
    .sort((a, b) => (RANK.get(a.entry.criticality) ?? 9) - (RANK.get(b.entry.criticality) ?? 9)
      || a.entry.title.localeCompare(b.entry.title, 'en-GB', { sensitivity: 'base' }))
    .map((stored) => {
      const { entry } = stored;
      const contacts = [contactOf(entry.supplier ? `${entry.supplier} helpdesk` : 'Supplier helpdesk', entry)];
      if (desk && desk.id !== stored.id) contacts.push(contactOf('ICB GP IT service desk', desk.entry));
      return {
        id: stored.id, title: entry.title, criticality: entry.criticality, supplier: entry.supplier, owner: entry.owner, deputy: entry.deputy,
        contacts, sections: packSections(entry), modifiedAt: stored.modifiedAt, eTag: stored.eTag,
      };
    });
}

/**
 * The printable downtime pack: one card per live service, most critical first, with what staff need
 * when the system is down and Teams may be too.
 *
 * The register has one "downtime process" field. Practices can split it into the pack's sections
 * with headings on their own line ("How you will notice:", "What to tell patients:", "Back-filling
 * records:"); text under no heading is the paper workaround. A missing section prints as a
 * prompt to write it, so gaps are visible on paper too.
 */
import { migrateDowntimeText, type PackSection } from '../downtime';
import { CRITICALITIES, type Criticality, type PersonRef, type RegisterEntry, type StoredEntry } from '../entry';

// The sections and the label reading live with the downtime fields (../downtime.ts), which the
// register reads on every item; the pack prints them.
export { PACK_SECTION_TITLES, splitDowntimeText, type PackSection } from '../downtime';

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

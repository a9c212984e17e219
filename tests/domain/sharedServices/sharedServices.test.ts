/** PCN-shared services in the domain: the link's text form, what a linked entry reads, and that reminders leave it to the PCN. */
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../../src/domain/entry';
import { remindersFor } from '../../../src/domain/reminders/reminderPolicy';
import { REGISTER_SCHEMA, formGroupsOf, SHARED_SERVICE_GROUP } from '../../../src/domain/schema';
import { exportTable } from '../../../src/domain/schema/deriveText';
import { entryToFields, fieldsToEntry } from '../../../src/domain';
import {
  entryLinkedTo,
  formatSharedFrom,
  isLinked,
  linkedEntryFor,
  linkedItemsBySite,
  parseSharedFrom,
  resolveRegister,
  resolveShared,
  shareableEntries,
  sharedIncidentKey,
  sharedKey,
  sharedStateOf,
  SHARED_UNAVAILABLE_TEXT,
} from '../../../src/domain/sharedServices';

const PCN_SITE = 'contoso.sharepoint.com,aaaa-1111,bbbb-2222';
const PRIYA = { entraId: 'id-priya', displayName: 'Priya Shah', upn: 'priya@nhs.net' };
const PCN_LEAD = { entraId: 'id-lead', displayName: 'Pat Lead', upn: 'pat.lead@nhs.net' };

function stored(id: string, overrides: Partial<RegisterEntry>): StoredEntry {
  return { id, eTag: `"{${id}},1"`, entry: { ...emptyEntry(), ...overrides }, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

const PCN_ENTRY = stored('7', {
  title: 'Hub telephony', provision: 'pcn-shared', owner: PCN_LEAD, supplier: 'X-on', dpiaStatus: 'complete', dpiaDate: '2026-01-10',
  downtimeWorkaround: 'Divert to the hub mobile', lastReviewedOn: '2026-02-01', nextReviewDue: '2027-02-01', lifecycle: 'live', criticality: 'critical',
  dependsOn: [{ entryId: '3', title: 'PCN network', kind: 'infrastructure', why: 'Runs on it' }],
});
const LOCAL = stored('42', {
  title: 'Hub telephony (copy when linked)', provision: 'pcn-shared', owner: PRIYA, supplier: 'Old supplier', nextReviewDue: '2025-01-01',
  sharedFrom: `${PCN_SITE}|7`, localContact: 'Reception lead', localAccessProcess: 'Ask the hub', localNotes: 'Saturdays only',
});

describe('the link', () => {
  it('formats and parses `<site id>|<item id>`', () => {
    const text = formatSharedFrom({ siteId: PCN_SITE, itemId: '7' });
    expect(text).toBe(`${PCN_SITE}|7`);
    expect(parseSharedFrom(text)).toEqual({ siteId: PCN_SITE, itemId: '7' });
    expect(parseSharedFrom(` ${PCN_SITE} | 7 `)).toEqual({ siteId: PCN_SITE, itemId: '7' });
  });

  it.each(['', 'no-separator', '|7', `${PCN_SITE}|`, 'a|b|c', null, 7])('reads %p as no link', (text) => {
    expect(parseSharedFrom(text)).toBeNull();
  });

  it('refuses to format a part that is empty or holds the separator', () => {
    expect(() => formatSharedFrom({ siteId: '', itemId: '7' })).toThrow(RangeError);
    expect(() => formatSharedFrom({ siteId: 'a|b', itemId: '7' })).toThrow(RangeError);
  });

  it('tells a linked entry from one the practice keeps', () => {
    expect(isLinked(LOCAL.entry)).toBe(true);
    expect(isLinked(PCN_ENTRY.entry)).toBe(false);
  });
});

describe('resolveShared', () => {
  it('reads the PCN entry and keeps the practice item, its local fields and its own dependencies', () => {
    const resolved = resolveShared(LOCAL, PCN_ENTRY);
    expect(resolved.id).toBe('42');
    expect(resolved.eTag).toBe(LOCAL.eTag);
    expect(resolved.entry).toMatchObject({
      title: 'Hub telephony', owner: PCN_LEAD, supplier: 'X-on', dpiaStatus: 'complete', downtimeWorkaround: 'Divert to the hub mobile',
      lastReviewedOn: '2026-02-01', nextReviewDue: '2027-02-01', criticality: 'critical', provision: 'pcn-shared',
      sharedFrom: `${PCN_SITE}|7`, localContact: 'Reception lead', localAccessProcess: 'Ask the hub', localNotes: 'Saturdays only',
    });
    expect(resolved.entry.dependsOn).toEqual([]);
  });

  it('keeps the local values when the PCN entry cannot be read, and says so', () => {
    expect(resolveShared(LOCAL, null)).toBe(LOCAL);
    expect(sharedStateOf(LOCAL.entry, new Map())).toBe('unavailable');
    expect(SHARED_UNAVAILABLE_TEXT).toBe('PCN entry unavailable');
  });

  it('leaves an entry the practice keeps alone', () => {
    const own = stored('1', { title: 'EMIS Web' });
    expect(resolveShared(own, PCN_ENTRY)).toBe(own);
    expect(sharedStateOf(own.entry, new Map())).toBe('own');
  });

  it('resolves a whole register against the PCN entries read, by site and item', () => {
    const own = stored('1', { title: 'EMIS Web' });
    const gone = stored('43', { title: 'Gone at the PCN', sharedFrom: `${PCN_SITE}|99` });
    const read = new Map([[sharedKey({ siteId: PCN_SITE, itemId: '7' }), PCN_ENTRY]]);
    expect(linkedItemsBySite([own, LOCAL, gone, LOCAL])).toEqual(new Map([[PCN_SITE, ['7', '99']]]));
    const [first, second, third] = resolveRegister([own, LOCAL, gone], read);
    expect(first).toBe(own);
    expect(second?.entry.title).toBe('Hub telephony');
    expect(third).toBe(gone);
    expect(sharedStateOf(LOCAL.entry, read)).toBe('linked');
  });
});

describe('linking', () => {
  it('makes the practice entry from the PCN entry: a copy, the link, blank local fields, no dependencies', () => {
    const entry = linkedEntryFor(PCN_ENTRY, PCN_SITE);
    expect(entry).toMatchObject({ title: 'Hub telephony', owner: PCN_LEAD, sharedFrom: `${PCN_SITE}|7`, localContact: '', localAccessProcess: '', localNotes: '', dependsOn: [] });
  });

  it('finds the entry already linked to a PCN entry, so it is not linked twice', () => {
    expect(entryLinkedTo([LOCAL], { siteId: PCN_SITE, itemId: '7' })).toBe(LOCAL);
    expect(entryLinkedTo([LOCAL], { siteId: PCN_SITE, itemId: '8' })).toBeUndefined();
  });

  it('offers only the PCN register\'s PCN-shared services in use, by name', () => {
    const entries = [
      stored('1', { title: 'Zeta booking', provision: 'pcn-shared' }),
      stored('2', { title: 'EMIS Web', provision: 'national' }),
      stored('3', { title: 'Old hub', provision: 'pcn-shared', lifecycle: 'retired' }),
      stored('4', { title: 'alpha pharmacy', provision: 'pcn-shared' }),
    ];
    expect(shareableEntries(entries).map((e) => e.id)).toEqual(['4', '1']);
  });

  it('keys a shared incident by PCN site and incident key', () => {
    expect(sharedIncidentKey(PCN_SITE, 'inc-1')).toBe(`shared-incident:${PCN_SITE}:inc-1`);
  });
});

describe('the register schema', () => {
  it('stores the link and the local fields in their own columns, round trip', () => {
    const fields = entryToFields(LOCAL.entry);
    expect(fields).toMatchObject({ SharedFrom: `${PCN_SITE}|7`, LocalContact: 'Reception lead', LocalAccessProcess: 'Ask the hub', LocalNotes: 'Saturdays only' });
    expect(fieldsToEntry(fields)).toEqual(LOCAL.entry);
    expect(fieldsToEntry({ Title: 'Older item without the columns' })).toMatchObject({ sharedFrom: '', localContact: '', localAccessProcess: '', localNotes: '' });
  });

  it('puts them in their own last form group and in the export', () => {
    expect(formGroupsOf(REGISTER_SCHEMA).at(-1)).toEqual({ title: SHARED_SERVICE_GROUP, fields: ['sharedFrom', 'localContact', 'localAccessProcess', 'localNotes'] });
    const [headings] = exportTable(REGISTER_SCHEMA, [LOCAL.entry]);
    expect(headings?.slice(-4)).toEqual(['Shared from (PCN)', 'Local contact', 'Local access process', 'Local notes']);
  });
});

describe('reminders', () => {
  it('never reminds a linked entry (the PCN reviews it), while the same dates on an own entry are reminded', () => {
    const due: Partial<RegisterEntry> = { title: 'Hub telephony', owner: PRIYA, lifecycle: 'live', nextReviewDue: '2026-03-01' };
    const options = { practiceId: 'team-riverside' };
    expect(remindersFor([{ id: '1', entry: { ...emptyEntry(), ...due } }], '2026-03-10', options)).toHaveLength(1);
    expect(remindersFor([{ id: '2', entry: { ...emptyEntry(), ...due, sharedFrom: `${PCN_SITE}|7` } }], '2026-03-10', options)).toEqual([]);
  });
});

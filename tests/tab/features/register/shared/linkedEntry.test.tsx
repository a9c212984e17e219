/**
 * A PCN-shared row in the practice's register (issue 18): the row reads the PCN's live entry (its
 * owner and review state) with a "PCN-shared" badge; the entry form shows the PCN's values read-only,
 * only the local fields as controls, and no Mark reviewed; saving writes only the local fields.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { emptyEntry, type RegisterEntry, type StoredEntry } from '../../../../../src/domain';
import { sharedKey } from '../../../../../src/domain/sharedServices';
import { ConflictError, type RegisterStore } from '../../../../../src/graph';
import { registerRowsOf } from '../../../../../src/tab/state/registerRows';
import { SharedRowBadge } from '../../../../../src/tab/features/register/shared/SharedRowBadge';
import { LinkedEntryFormView } from '../../../../../src/tab/features/register/shared/LinkedEntryForm';
import { saveLocalFields } from '../../../../../src/tab/features/register/shared/saveLocalFields';
import { OWN_FIELD_GROUPS } from '../../../../../src/tab/features/register/entryFields';

const TODAY = '2026-03-10';
const PCN_SITE = 'contoso.sharepoint.com,pcn-1,pcn-2';
const LEAD = { entraId: 'id-lead', displayName: 'Pat Lead (PCN)', upn: 'pat.lead@nhs.net' };

function stored(id: string, entry: Partial<RegisterEntry>, eTag = `"{${id}},1"`): StoredEntry {
  return { id, eTag, entry: { ...emptyEntry(), ...entry }, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
}

const PCN_ENTRY = stored('7', {
  title: 'Hub telephony', provision: 'pcn-shared', owner: LEAD, supplier: 'X-on Surgery Connect', downtimeWorkaround: 'Divert to the hub <b>mobile</b>',
  lastReviewedOn: '2026-02-01', nextReviewDue: '2027-02-01', lifecycle: 'live',
});
/** The practice's link, holding the (older) copy made when it was linked. */
const LOCAL = stored('42', {
  title: 'Hub telephony', provision: 'pcn-shared', supplier: 'Old copy', nextReviewDue: '2025-01-01', lifecycle: 'live',
  sharedFrom: `${PCN_SITE}|7`, localContact: 'Reception lead', localNotes: 'Saturdays only',
});
const OWN = stored('1', { title: 'EMIS Web', nextReviewDue: '2025-01-01' });
const READ = new Map([[sharedKey({ siteId: PCN_SITE, itemId: '7' }), PCN_ENTRY]]);

function html(ui: JSX.Element): string {
  return renderToString(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>).replace(/<!-- -->/g, '');
}

describe('a linked row', () => {
  it("reads the PCN's owner and review state, and says PCN-shared", () => {
    const rows = registerRowsOf([OWN, LOCAL], TODAY, new Map(), null, READ);
    const linked = rows.find((row) => row.stored.id === '42');
    expect(linked?.shared).toBe('linked');
    expect(linked?.stored.entry.owner).toEqual(LEAD);
    expect(linked?.stored.entry.supplier).toBe('X-on Surgery Connect');
    // The PCN reviewed it last month: up to date, though the copy made at linking is overdue.
    expect(linked?.status).toBe('up-to-date');
    expect(linked?.stored.eTag).toBe(LOCAL.eTag);
    expect(rows.find((row) => row.stored.id === '1')?.shared).toBeUndefined();
    expect(html(<SharedRowBadge row={linked!} />)).toContain('PCN-shared');
    expect(html(<SharedRowBadge row={rows.find((row) => row.stored.id === '1')!} />)).not.toContain('PCN-shared');
  });

  it('keeps the local copy and says so when the PCN entry cannot be read, and waits while it is read', () => {
    const unavailable = registerRowsOf([LOCAL], TODAY, new Map(), null, new Map())[0]!;
    expect(unavailable.shared).toBe('unavailable');
    expect(unavailable.stored.entry.supplier).toBe('Old copy');
    expect(html(<SharedRowBadge row={unavailable} />)).toContain('PCN entry unavailable');
    expect(registerRowsOf([LOCAL], TODAY, new Map(), null, null)[0]?.shared).toBe('loading');
  });
});

describe('the linked entry form', () => {
  const resolved = registerRowsOf([LOCAL], TODAY, new Map(), null, READ)[0]!.stored;
  const store = {} as RegisterStore;
  const form = (shared: 'linked' | 'unavailable' = 'linked') => html(
    <LinkedEntryFormView store={store} today={TODAY} members={[]} initial={resolved} shared={shared}
      onClose={() => undefined} onSaved={() => undefined} onDeleted={() => undefined} />,
  );

  it("shows the PCN's values read-only, escaped, with its review state", () => {
    const page = form();
    expect(page).toContain('Kept by the PCN');
    expect(page).toContain('Pat Lead (PCN)');
    expect(page).toContain('X-on Surgery Connect');
    expect(page).toContain('Divert to the hub &lt;b&gt;mobile&lt;/b&gt;');
    expect(page).toContain('Up to date');
    expect(page).not.toContain('id="entry-field-supplier"');
    expect(page).not.toContain('id="entry-field-owner"');
  });

  it('offers only the local fields as controls, and no Mark reviewed', () => {
    const page = form();
    for (const field of ['localContact', 'localAccessProcess', 'localNotes']) expect(page).toContain(`id="entry-field-${field}"`);
    expect(page).toContain('value="Reception lead"');
    expect(page).not.toContain('Mark reviewed');
    expect(page).toContain('Reviewed by the PCN');
    expect(page).not.toContain('id="entry-field-sharedFrom"');
  });

  it('says when the PCN entry could not be read', () => {
    expect(form('unavailable')).toContain('PCN entry unavailable');
  });

  it("never shows the PCN-shared group on an own entry's form", () => {
    expect(OWN_FIELD_GROUPS.map((group) => group.title)).not.toContain('PCN-shared service');
  });
});

describe('saving the local fields', () => {
  function fakeStore(current: StoredEntry) {
    const updates: Array<{ id: string; eTag: string; entry: RegisterEntry }> = [];
    const store = {
      get: async () => current,
      update: async (id: string, eTag: string, entry: RegisterEntry) => (updates.push({ id, eTag, entry }), stored(id, entry, `"{${id}},2"`)),
    } as unknown as RegisterStore;
    return { store, updates };
  }

  it("writes the practice's own item with only the local fields changed, never the PCN's values", async () => {
    const { store, updates } = fakeStore(LOCAL);
    const saved = await saveLocalFields(store, '42', LOCAL.eTag, { localContact: 'Dr Okafor', localAccessProcess: 'Ask the hub', localNotes: '' });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.eTag).toBe(LOCAL.eTag);
    expect(updates[0]?.entry).toEqual({ ...LOCAL.entry, localContact: 'Dr Okafor', localAccessProcess: 'Ask the hub', localNotes: '' });
    expect(saved.entry.supplier).toBe('Old copy');
  });

  it('refuses when the practice item changed since the form opened', async () => {
    const { store, updates } = fakeStore(stored('42', LOCAL.entry, '"{42},5"'));
    await expect(saveLocalFields(store, '42', LOCAL.eTag, { localContact: 'x', localAccessProcess: '', localNotes: '' })).rejects.toBeInstanceOf(ConflictError);
    expect(updates).toEqual([]);
  });
});

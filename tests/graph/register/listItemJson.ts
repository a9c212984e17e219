/** List item JSON shaped like Graph's (`@odata.etag`, `eTag`, identity sets, `fields`). */
import { emptyEntry, type RegisterEntry } from '../../../src/domain/entry';
import { entryToFields } from '../../../src/domain';

export const SITE = 'riverside.sharepoint.com,0c4c7a9e-8f2d-4a8e-9b3c-1f2e3d4c5b6a,7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
export const LIST = 'b1a2c3d4-e5f6-4789-8abc-def012345678';
export const ITEMS = `/sites/${SITE}/lists/${LIST}/items`;

export function eTag(version: number): string {
  return `"{6F0A1C2B-9D4E-4F7A-8B3C-1D2E3F4A5B6C},${version}"`;
}

export const PRIYA = { user: { email: 'priya.shah@nhs.net', id: '1f5e2d3c-4b5a-4697-8887-9a0b1c2d3e4f', displayName: 'Priya Shah' } };

export function sampleEntry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    ...emptyEntry(),
    title: "O'Neill's EMIS Web",
    category: 'clinical-system',
    purpose: 'Clinical record',
    provision: 'icb-core',
    owner: { entraId: PRIYA.user.id, displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' },
    supplier: 'Optum',
    dataTypes: ['patient-identifiable', 'special-category'],
    dpiaStatus: 'complete',
    dpiaDate: '2025-03-30',
    nextReviewDue: '2026-10-25',
    lifecycle: 'live',
    criticality: 'critical',
    ...overrides,
  };
}

export function listItem(id: string, version: number, entry: RegisterEntry, entryKey = `key-${id}`) {
  return {
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE}')/lists('${LIST}')/items/$entity`,
    '@odata.etag': eTag(version),
    createdDateTime: '2026-01-05T10:00:00Z',
    eTag: eTag(version),
    id,
    lastModifiedDateTime: `2026-02-0${Math.min(version, 9)}T10:00:00Z`,
    webUrl: `https://riverside.sharepoint.com/sites/Riverside/Lists/Register/${id}_.000`,
    createdBy: PRIYA,
    lastModifiedBy: PRIYA,
    parentReference: { id: 'p1', siteId: SITE },
    contentType: { id: '0x0100', name: 'Item' },
    'fields@odata.context': `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE}')/lists('${LIST}')/items('${id}')/fields/$entity`,
    fields: { '@odata.etag': eTag(version), id, ...entryToFields(entry), EntryKey: entryKey },
  };
}

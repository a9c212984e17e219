/** The recorded convention: which changes wait for a manager, and how each is described. */
import { describeAudit, flaggedEntries, needsReview, ownersChanged, type AuditRecord } from '../../src/domain/audit';
import { emptyEntry } from '../../src/domain/entry';

const PRIYA = { entraId: 'p1', displayName: 'Priya Shah', upn: 'priya.shah@nhs.net' };
const TOM = { entraId: 't1', displayName: 'Tom Reed', upn: 'tom.reed@nhs.net' };

function record(partial: Partial<AuditRecord>): AuditRecord {
  return { id: 'r', kind: 'owner-change', entryId: '7', title: 'EMIS Web', by: { id: 't1', name: 'Tom Reed' }, byManager: false, at: '2026-12-01T09:00:00Z', ...partial };
}

test('a non-manager\'s change waits for a manager until it is undone or kept; a manager\'s never does', () => {
  expect(needsReview(record({}))).toBe(true);
  expect(needsReview(record({ byManager: true }))).toBe(false);
  expect(needsReview(record({ resolved: { by: { id: 'p1', name: 'Priya Shah' }, at: '2026-12-01T10:00:00Z', how: 'undone' } }))).toBe(false);
});

test('flags land on the entry changed, and on every entry an import created', () => {
  const flagged = flaggedEntries([
    record({ id: 'a' }),
    record({ id: 'b', kind: 'import', entryId: null, title: 'register.xlsx', entryIds: ['8', '9'] }),
    record({ id: 'c', byManager: true, entryId: '10' }),
  ]);
  expect([...flagged.keys()].sort()).toEqual(['7', '8', '9']);
});

test('each change is described in plain words, with who did it', () => {
  expect(describeAudit(record({ before: { owner: PRIYA, deputy: null }, after: { owner: TOM, deputy: null } }))).toBe(
    'Tom Reed changed the owner of EMIS Web from Priya Shah to Tom Reed',
  );
  expect(describeAudit(record({ kind: 'delete' }))).toBe('Tom Reed deleted EMIS Web');
  expect(describeAudit(record({ kind: 'import', entryId: null, title: 'register.xlsx', entryIds: ['8', '9'] }))).toBe('Tom Reed imported 2 services from register.xlsx');
});

test('only a different owner or deputy counts as an owner change', () => {
  const before = { ...emptyEntry(), owner: PRIYA };
  expect(ownersChanged(before, { ...before, notes: 'x' })).toBe(false);
  expect(ownersChanged(before, { ...before, owner: TOM })).toBe(true);
  expect(ownersChanged(before, { ...before, deputy: TOM })).toBe(true);
});

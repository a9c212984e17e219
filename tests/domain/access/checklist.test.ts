import {
  buildChecklist,
  checklistProgress,
  checklistToFields,
  completedAt,
  fieldsToChecklist,
  handOverEntry,
  isChecklistOpen,
  isChecklistPastDate,
  markNotApplicable,
  recordHandover,
  tickLine,
  withoutAdminHolder,
  UnreadableChecklistError,
  type ChecklistStart,
  type RegisterItem,
  type WhoNeedsIt,
} from '../../../src/domain/access';
import type { PersonRef, RegisterEntry } from '../../../src/domain';
import { healthyEntry, PRIYA, TOM } from '../entryFixture';

const HELEN: PersonRef = { entraId: '33333333-3333-3333-3333-333333333333', displayName: 'Helen Carter', upn: 'helen.carter@nhs.net' };
const GRACE: PersonRef = { entraId: '44444444-4444-4444-4444-444444444444', displayName: 'Grace Lee', upn: 'grace.lee@nhs.net' };

function item(id: string, overrides: Partial<RegisterEntry>): RegisterItem {
  return { id, entry: healthyEntry({ title: `Service ${id}`, ...overrides }) };
}

const REGISTER: RegisterItem[] = [
  item('1', { title: 'EMIS Web', owner: PRIYA, deputy: HELEN, accessGranted: 'Smartcard RBAC via the RA.', accessRemoved: 'Remove the RBAC role.' }),
  item('2', { title: 'e-RS', owner: HELEN, deputy: GRACE, accessGranted: '', accessRemoved: '' }),
  item('3', { title: 'AI scribe', owner: HELEN, deputy: null, lifecycle: 'trial',
    adminRights: [{ person: HELEN, externalName: '', organisation: 'Riverside', agreementOnFile: true, reviewedOn: '2026-01-01' }] }),
  item('4', { title: 'Old booking', owner: HELEN, lifecycle: 'retired' }),
  item('5', { title: 'New tool', owner: PRIYA, lifecycle: 'proposed' }),
  item('6', { title: 'Telephony', owner: PRIYA, deputy: TOM, lifecycle: 'retiring' }),
];

const start = (overrides: Partial<ChecklistStart> = {}): ChecklistStart => ({
  key: 'chk-1', kind: 'joiner', person: HELEN, role: 'clinician', date: '2026-06-30', createdBy: 'Priya Shah', createdAt: '2026-06-01T09:00:00.000Z', ...overrides,
});

describe('buildChecklist', () => {
  it('lists every service in use (trial, live, retiring), never proposed or retired, with how access is granted', () => {
    const checklist = buildChecklist(start(), REGISTER);
    expect(checklist.lines.map((line) => line.serviceTitle)).toEqual(['AI scribe', 'e-RS', 'EMIS Web', 'Telephony']);
    expect(checklist.lines.every((line) => line.kind === 'access' && line.status.state === 'open')).toBe(true);
    expect(checklist.lines.find((line) => line.entryId === '1')?.instruction).toBe('Smartcard RBAC via the RA.');
    expect(checklist.lines.find((line) => line.entryId === '2')?.instruction).toMatch(/does not say how access is granted/);
  });

  it('filters by role through the register’s "who needs it" rule, and keeps services the rule says nothing about', () => {
    const rule: WhoNeedsIt = ({ id }) => (id === '1' ? ['clinician', 'reception-admin'] : id === '3' ? ['clinician'] : id === '6' ? ['all-staff'] : null);
    const titles = (role: ChecklistStart['role']) => buildChecklist(start({ role }), REGISTER, rule).lines.map((line) => line.serviceTitle);
    expect(titles('clinician')).toEqual(['AI scribe', 'e-RS', 'EMIS Web', 'Telephony']);
    expect(titles('reception-admin')).toEqual(['e-RS', 'EMIS Web', 'Telephony']);
    expect(titles('manager')).toEqual(['e-RS', 'Telephony']);
    expect(titles('all-staff')).toEqual(['AI scribe', 'e-RS', 'EMIS Web', 'Telephony']);
  });

  it('role changes carry both texts and the previous role; joiners have no previous role', () => {
    const checklist = buildChecklist(start({ kind: 'role-change', previousRole: 'reception-admin' }), REGISTER);
    expect(checklist.previousRole).toBe('reception-admin');
    expect(checklist.lines.find((line) => line.entryId === '1')?.instruction).toBe('Give what the new role needs and remove what it no longer needs. Granted: Smartcard RBAC via the RA. Removed: Remove the RBAC role.');
    expect(buildChecklist(start({ previousRole: 'manager' }), REGISTER).previousRole).toBeNull();
  });

  it('a leaver’s checklist removes access from every service in use whatever the role, hands over what they own or deputise, and lists their admin rights', () => {
    const rule: WhoNeedsIt = () => ['manager'];
    const checklist = buildChecklist(start({ kind: 'leaver', role: 'clinician' }), REGISTER, rule);
    const access = checklist.lines.filter((line) => line.kind === 'access');
    expect(access.map((line) => line.serviceTitle)).toEqual(['AI scribe', 'e-RS', 'EMIS Web', 'Telephony']);
    expect(access.find((line) => line.entryId === '1')?.instruction).toBe('Remove the RBAC role.');
    const handovers = checklist.lines.filter((line) => line.kind === 'handover');
    expect(handovers.map((line) => [line.serviceTitle, line.handoverRole, line.suggestedTo?.displayName ?? null])).toEqual([
      ['AI scribe', 'owner', null],
      ['e-RS', 'owner', 'Grace Lee'],
      ['EMIS Web', 'deputy', null],
    ]);
    expect(handovers.find((line) => line.entryId === '2')?.instruction).toMatch(/Grace Lee, the deputy, becomes the owner/);
    const admin = checklist.lines.filter((line) => line.kind === 'admin-rights');
    expect(admin.map((line) => line.key)).toEqual(['admin:3:0']);
  });

  it('matches the person by Entra id whatever its case', () => {
    const upper = { ...HELEN, entraId: HELEN.entraId.toUpperCase() };
    expect(buildChecklist(start({ kind: 'leaver', person: upper }), REGISTER).lines.filter((line) => line.kind === 'handover')).toHaveLength(3);
  });
});

describe('lines', () => {
  const leaver = buildChecklist(start({ kind: 'leaver' }), REGISTER);

  it('are ticked with who and when, or marked not applicable with a reason; the first one wins', () => {
    let checklist = tickLine(leaver, 'access:1', 'Priya Shah', '2026-06-30T10:00:00.000Z');
    checklist = tickLine(checklist, 'access:1', 'Tom Reed', '2026-06-30T10:05:00.000Z');
    expect(checklist.lines.find((line) => line.key === 'access:1')?.status).toEqual({ state: 'done', by: 'Priya Shah', at: '2026-06-30T10:00:00.000Z' });
    checklist = markNotApplicable(checklist, 'access:6', '  Never had a telephony login ', 'Tom Reed', '2026-06-30T11:00:00.000Z');
    expect(checklist.lines.find((line) => line.key === 'access:6')?.status).toEqual({ state: 'not-applicable', reason: 'Never had a telephony login', by: 'Tom Reed', at: '2026-06-30T11:00:00.000Z' });
    expect(() => markNotApplicable(checklist, 'access:2', '  ', 'Tom Reed', 'x')).toThrow(/why/);
    expect(() => tickLine(checklist, 'nope', 'Tom Reed', 'x')).toThrow(RangeError);
    expect(checklistProgress(checklist)).toEqual({ total: leaver.lines.length, done: 1, notApplicable: 1, open: leaver.lines.length - 2 });
  });

  it('a handover records who it went to; an owner handover needs someone', () => {
    const checklist = recordHandover(leaver, 'handover:2:owner', GRACE, 'Priya Shah', '2026-06-30T12:00:00.000Z');
    expect(checklist.lines.find((line) => line.key === 'handover:2:owner')?.status).toMatchObject({ state: 'done', handedTo: GRACE });
    expect(() => recordHandover(leaver, 'handover:2:owner', null, 'Priya Shah', 'x')).toThrow(/Pick/);
    expect(recordHandover(leaver, 'handover:1:deputy', null, 'Priya Shah', 'x').lines.find((line) => line.key === 'handover:1:deputy')?.status).toMatchObject({ handedTo: null });
    expect(() => recordHandover(leaver, 'access:1', GRACE, 'Priya Shah', 'x')).toThrow(/not a handover/);
  });

  it('an open checklist past its date is a risk; a complete one is not', () => {
    expect(isChecklistPastDate(leaver, '2026-06-30')).toBe(false);
    expect(isChecklistPastDate(leaver, '2026-07-01')).toBe(true);
    let done = leaver;
    for (const line of leaver.lines) done = tickLine(done, line.key, 'Priya Shah', `2026-06-30T1${line.key.length % 10}:00:00.000Z`);
    expect(isChecklistOpen(done)).toBe(false);
    expect(isChecklistPastDate(done, '2027-01-01')).toBe(false);
    expect(completedAt(done)).toMatch(/^2026-06-30T1\d:00:00.000Z$/);
    expect(completedAt(leaver)).toBeNull();
  });
});

describe('entry changes', () => {
  const entry = REGISTER[1]?.entry as RegisterEntry;
  it('hands ownership to the deputy (who stops being deputy) or to someone picked', () => {
    expect(handOverEntry(entry, 'owner', GRACE)).toMatchObject({ owner: GRACE, deputy: null });
    expect(handOverEntry(entry, 'owner', PRIYA)).toMatchObject({ owner: PRIYA, deputy: GRACE });
    expect(handOverEntry({ ...entry, owner: PRIYA, deputy: HELEN }, 'deputy', TOM)).toMatchObject({ owner: PRIYA, deputy: TOM });
    expect(handOverEntry({ ...entry, owner: PRIYA, deputy: HELEN }, 'deputy', null).deputy).toBeNull();
    expect(() => handOverEntry(entry, 'owner', null)).toThrow(RangeError);
  });

  it('takes a leaver off the admin rights list and leaves other holders', () => {
    const external = { person: null, externalName: 'Sam Engineer', organisation: 'Heidi Health', agreementOnFile: true, reviewedOn: null };
    const withTwo = { ...entry, adminRights: [...(REGISTER[2]?.entry.adminRights ?? []), external] };
    expect(withoutAdminHolder(withTwo, HELEN).adminRights).toEqual([external]);
  });
});

describe('list item fields', () => {
  it('round-trip a checklist, with choice labels and the lines as a versioned JSON document', () => {
    const checklist = recordHandover(buildChecklist(start({ kind: 'leaver' }), REGISTER), 'handover:2:owner', GRACE, 'Priya Shah', '2026-06-30T12:00:00.000Z');
    const fields = checklistToFields(checklist);
    expect(fields).toMatchObject({ Title: 'Leaver: Helen Carter', Kind: 'Leaver', StaffRole: 'Clinician', ChecklistState: 'Open', ChecklistDate: '2026-06-30T12:00:00Z' });
    expect(fieldsToChecklist('7', fields)).toEqual(checklist);
  });

  it('refuse lines edited into something else by hand', () => {
    const fields = checklistToFields(buildChecklist(start(), REGISTER));
    expect(() => fieldsToChecklist('7', { ...fields, Lines: '{"v":1,"lines":[{"key":1}]}' })).toThrow(UnreadableChecklistError);
    expect(() => fieldsToChecklist('7', { ...fields, Lines: 'not json' })).toThrow(UnreadableChecklistError);
  });
});

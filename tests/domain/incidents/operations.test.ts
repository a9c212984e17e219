import {
  addIncidentUpdate,
  addSupplierReference,
  continuityLastTestedAfterReview,
  declareIncident,
  declareProblems,
  durationText,
  incidentDurationMinutes,
  incidentDurationText,
  IncidentInputError,
  incidentKeyFor,
  incidentKeyOf,
  incidentUpdateKey,
  isIncidentKey,
  londonTimeText,
  markPosted,
  recordCauseAndActions,
  restoredKey,
  restoredOn,
  restoreIncident,
  reviewIncident,
  unpostedKeys,
} from '../../../src/domain/incidents';
import { declared, GUID, KEY, NOW, UPDATE_GUID } from './fixtures';

describe('keys', () => {
  it('makes the incident key once from a GUID, and update keys deterministically from it', () => {
    expect(KEY).toBe(`inc-${GUID}`);
    expect(incidentKeyFor(GUID.toUpperCase())).toBe(KEY);
    expect(isIncidentKey(KEY)).toBe(true);
    expect(incidentUpdateKey(KEY, UPDATE_GUID)).toBe(`${KEY}-u-${UPDATE_GUID}`);
    expect(incidentUpdateKey(KEY, UPDATE_GUID)).toBe(incidentUpdateKey(KEY, UPDATE_GUID.toUpperCase()));
    expect(incidentUpdateKey(KEY, 3)).toBe(`${KEY}-u-3`);
    expect(restoredKey(KEY)).toBe(`${KEY}-restored`);
  });

  it('uses only characters safe in a URL, an OData literal and an Azure Table row key', () => {
    for (const key of [KEY, incidentUpdateKey(KEY, UPDATE_GUID), incidentUpdateKey(KEY, 12), restoredKey(KEY)]) expect(key).toMatch(/^[a-z0-9-]+$/);
  });

  it('refuses what is not a GUID or a positive sequence number', () => {
    for (const bad of ['', 'not-a-guid', `${GUID}x`, "0b0e0c0d-1111-4222-8333-44445555666'"]) expect(() => incidentKeyFor(bad)).toThrow(RangeError);
    for (const token of [0, -1, 1.5, 'abc', '../x', `${UPDATE_GUID}/x`]) expect(() => incidentUpdateKey(KEY, token)).toThrow(RangeError);
    expect(() => incidentUpdateKey('inc-x', 1)).toThrow(RangeError);
  });

  it('finds the incident a card key belongs to', () => {
    expect(incidentKeyOf(KEY)).toBe(KEY);
    expect(incidentKeyOf(incidentUpdateKey(KEY, 2))).toBe(KEY);
    expect(incidentKeyOf(restoredKey(KEY))).toBe(KEY);
    expect(incidentKeyOf(`${KEY}-other`)).toBeNull();
    expect(incidentKeyOf('digest:abc')).toBeNull();
  });
});

describe('declareIncident', () => {
  it('makes an open incident with nothing posted yet', () => {
    const incident = declared();
    expect(incident).toMatchObject({ key: KEY, entryId: '1', impact: 'down', state: 'open', restoredAt: null, updates: [], thread: null, postedKeys: [] });
    expect(incident.startedAt).toBe('2026-03-02T08:15:00.000Z');
    expect(unpostedKeys(incident)).toEqual([KEY]);
  });

  it('starts now when no start is given', () => {
    expect(declared({ startedAt: undefined }).startedAt).toBe(NOW.toISOString());
  });

  it('says what is wrong, by field', () => {
    expect(declareProblems({ ...declaredInput(), seen: '  ' }, NOW)).toEqual({ seen: 'Say what people are seeing.' });
    expect(declareProblems({ ...declaredInput(), startedAt: '2026-03-02T12:00:00Z' }, NOW)).toEqual({ startedAt: 'The start cannot be in the future.' });
    expect(declareProblems({ ...declaredInput(), startedAt: 'yesterday' }, NOW)).toEqual({ startedAt: 'Give a date and time.' });
    expect(declareProblems({ ...declaredInput(), key: 'inc-1' }, NOW)).toHaveProperty('key');
    expect(declareProblems(declaredInput(), NOW)).toEqual({});
    expect(() => declareIncident({ ...declaredInput(), seen: 'x'.repeat(2001) }, NOW)).toThrow(IncidentInputError);
  });
});

function declaredInput() {
  return { key: KEY, entryId: '1', serviceTitle: 'EMIS Web', impact: 'down' as const, seen: 'Down', declaredBy: { displayName: 'Priya', entraId: 'p' } };
}

describe('updates, references, restore and review', () => {
  const uKey = incidentUpdateKey(KEY, UPDATE_GUID);
  const at = new Date('2026-03-02T09:00:00Z');

  it('adds an update once per key (a retried or re-applied change does nothing)', () => {
    const once = addIncidentUpdate(declared(), { key: uKey, text: ' Supplier investigating ', by: 'Tom' }, at);
    expect(once.updates).toEqual([{ key: uKey, at: at.toISOString(), by: 'Tom', kind: 'update', text: 'Supplier investigating' }]);
    expect(addIncidentUpdate(once, { key: uKey, text: 'Supplier investigating', by: 'Tom' }, NOW)).toBe(once);
    expect(unpostedKeys(once)).toEqual([KEY, uKey]);
  });

  it('refuses an update key of another incident, an empty update, and a full thread', () => {
    const other = incidentUpdateKey(incidentKeyFor('99999999-1111-4222-8333-444455556666'), 1);
    expect(() => addIncidentUpdate(declared(), { key: other, text: 'x', by: 'Tom' }, at)).toThrow(IncidentInputError);
    expect(() => addIncidentUpdate(declared(), { key: restoredKey(KEY), text: 'x', by: 'Tom' }, at)).toThrow(IncidentInputError);
    expect(() => addIncidentUpdate(declared(), { key: uKey, text: ' ', by: 'Tom' }, at)).toThrow(IncidentInputError);
    let full = declared();
    for (let n = 1; n <= 25; n += 1) full = addIncidentUpdate(full, { key: incidentUpdateKey(KEY, n), text: `u${n}`, by: 'Tom' }, at);
    expect(() => addIncidentUpdate(full, { key: incidentUpdateKey(KEY, 26), text: 'one more', by: 'Tom' }, at)).toThrow(/at most 25/);
    // Restoring still works on a full thread: it is what closes the incident.
    expect(restoreIncident(full, { by: 'Tom' }, NOW).state).toBe('restored');
  });

  it('records the supplier reference and announces it once', () => {
    const rKey = incidentUpdateKey(KEY, 1);
    const withRef = addSupplierReference(declared(), { key: rKey, reference: 'INC0012345', by: 'Tom' }, at);
    expect(withRef.supplierReference).toBe('INC0012345');
    expect(withRef.updates[0]).toMatchObject({ kind: 'reference', text: 'INC0012345' });
    expect(addSupplierReference(withRef, { key: rKey, reference: 'INC0012345', by: 'Tom' }, at)).toBe(withRef);
  });

  it('restores once, fixing the duration, with a restored update keyed for the thread', () => {
    const restored = restoreIncident(declared(), { by: 'Tom', restoredAt: '2026-03-02T10:20:00Z', text: 'Back up', cause: 'Supplier data centre', actions: 'Used paper lists' }, new Date('2026-03-02T10:30:00Z'));
    expect(restored).toMatchObject({ state: 'restored', restoredAt: '2026-03-02T10:20:00.000Z', cause: 'Supplier data centre', actions: 'Used paper lists' });
    expect(restored.updates.at(-1)).toMatchObject({ key: restoredKey(KEY), kind: 'restored', text: 'Back up' });
    expect(incidentDurationMinutes(restored)).toBe(125);
    expect(incidentDurationText(restored)).toBe('2 hours 5 minutes');
    expect(restoreIncident(restored, { by: 'Someone else' }, NOW)).toBe(restored);
  });

  it('refuses a restore before the start or in the future', () => {
    expect(() => restoreIncident(declared(), { by: 'Tom', restoredAt: '2026-03-02T08:00:00Z' }, NOW)).toThrow(/before the incident started/);
    expect(() => restoreIncident(declared(), { by: 'Tom', restoredAt: '2026-03-02T11:00:00Z' }, NOW)).toThrow(/future/);
  });

  it('records cause and actions without touching the rest', () => {
    const changed = recordCauseAndActions(declared(), { cause: 'Power cut' });
    expect(changed.cause).toBe('Power cut');
    expect(changed.actions).toBe('');
  });

  it('reviews only after restore; can count the incident as the continuity test', () => {
    expect(() => reviewIncident(declared(), { downtimeProcessRight: true, contactsNeedUpdating: false, notes: '', by: 'Priya' }, NOW)).toThrow(/restored/);
    const restored = restoreIncident(declared(), { by: 'Tom', restoredAt: '2026-03-02T09:00:00Z' }, NOW);
    const on = restoredOn(restored);
    expect(on).toBe('2026-03-02');
    const reviewed = reviewIncident(restored, { downtimeProcessRight: false, contactsNeedUpdating: true, notes: 'Paper lists were out of date', by: 'Priya', continuityTestOn: on }, new Date('2026-03-05T10:00:00Z'));
    expect(reviewed.review).toEqual({ downtimeProcessRight: false, contactsNeedUpdating: true, notes: 'Paper lists were out of date', by: 'Priya', on: '2026-03-05', continuityTestOn: '2026-03-02' });
    expect(continuityLastTestedAfterReview('2025-06-01', reviewed)).toBe('2026-03-02');
    expect(continuityLastTestedAfterReview('2026-03-04', reviewed)).toBeNull();
    expect(continuityLastTestedAfterReview(null, reviewed)).toBe('2026-03-02');
    const notCounted = reviewIncident(restored, { downtimeProcessRight: true, contactsNeedUpdating: false, notes: '', by: 'Priya' }, NOW);
    expect(continuityLastTestedAfterReview(null, notCounted)).toBeNull();
    expect(() => reviewIncident(restored, { downtimeProcessRight: true, contactsNeedUpdating: null, notes: '', by: 'P', continuityTestOn: '2026-02-30' }, NOW)).toThrow(IncidentInputError);
    expect(() => reviewIncident(restored, { downtimeProcessRight: true, contactsNeedUpdating: null, notes: '', by: 'P', continuityTestOn: '2026-03-09' }, NOW)).toThrow(/not in the future/);
  });

  it('marks keys posted once and records the thread from the root card only', () => {
    const thread = { teamId: 't', channelId: 'c', messageId: 'm1' };
    const posted = markPosted(declared(), KEY, thread);
    expect(posted).toMatchObject({ postedKeys: [KEY], thread });
    expect(markPosted(posted, KEY, { ...thread, messageId: 'm2' })).toBe(posted);
    const withUpdate = addIncidentUpdate(posted, { key: uKey, text: 'x', by: 'T' }, at);
    expect(unpostedKeys(withUpdate)).toEqual([uKey]);
    expect(markPosted(withUpdate, uKey, { ...thread, messageId: 'other' }).thread).toEqual(thread);
    expect(markPosted(declared(), uKey, thread).thread).toBeNull();
  });
});

describe('durations', () => {
  it.each([
    [0, 'less than a minute'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [61, '1 hour 1 minute'],
    [125, '2 hours 5 minutes'],
    [1440, '1 day'],
    [1500, '1 day 1 hour'],
    [3 * 1440 + 120 + 7, '3 days 2 hours'],
  ])('%i minutes reads "%s"', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });

  it('counts an open incident to now, and says so', () => {
    const incident = declared();
    expect(incidentDurationMinutes(incident)).toBeNull();
    expect(incidentDurationText(incident)).toBe('still open');
    expect(incidentDurationText(incident, NOW)).toBe('1 hour 15 minutes so far');
    expect(incidentDurationMinutes({ startedAt: '2026-03-02T10:00:00Z', restoredAt: null }, NOW)).toBe(0);
  });

  it('measures across the clocks going forward in instants, and shows London time', () => {
    // 29 March 2026: clocks go forward at 01:00 UTC. 00:30 UTC to 02:30 UTC is two real hours.
    expect(incidentDurationText({ startedAt: '2026-03-29T00:30:00Z', restoredAt: '2026-03-29T02:30:00Z' })).toBe('2 hours');
    expect(londonTimeText('2026-03-29T00:30:00Z')).toBe('00:30 on 29 March 2026');
    expect(londonTimeText('2026-03-29T02:30:00Z')).toBe('03:30 on 29 March 2026');
    expect(londonTimeText('2024-02-29T23:30:00Z')).toBe('23:30 on 29 February 2024');
  });
});

/**
 * The go-live gate: each requirement met, missing or waived, in words; a waiver counts only with a
 * named person and a reason; the DPIA gate applies only where personal data is processed and the
 * DCB0160 gate only where it applies.
 */
import {
  evaluateGoLiveGate,
  gateOutcomes,
  goLiveBlockedText,
  goLiveRecord,
  isMovingToLive,
  missingGates,
  type GateResult,
} from '../../../src/domain/change';
import type { GateWaiver, GoLiveGate, RegisterEntry } from '../../../src/domain';
import { TODAY, healthyEntry } from '../entryFixture';

/** A trial entry that meets every gate. */
function ready(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return healthyEntry({
    lifecycle: 'trial',
    trainingLink: 'https://example.co.uk/quick-guide',
    staffTrainedOn: '2026-06-01',
    supplierDsptStatus: 'met',
    supplierDsptCheckedOn: '2026-05-20',
    escalationRoute: 'Supplier account manager, then the ICB digital team.',
    ...overrides,
  });
}

const stateOf = (results: GateResult[], gate: GoLiveGate) => results.find((result) => result.gate === gate)!;
const waiver = (gate: GoLiveGate, by = 'Priya Shah', reason = 'Covered by the national DPIA.'): GateWaiver => ({ gate, by, reason, on: TODAY });

test('a service with everything in place meets all seven gates and can move to Live', () => {
  const results = evaluateGoLiveGate(ready());
  expect(results.map((result) => [result.gate, result.state])).toEqual([
    ['dpia', 'met'], ['dcb0160', 'met'], ['supplier-dspt', 'met'], ['training', 'met'], ['downtime', 'met'], ['access', 'met'], ['escalation', 'met'],
  ]);
  expect(goLiveBlockedText(ready())).toBeNull();
});

test.each<[GoLiveGate, Partial<RegisterEntry>, RegExp]>([
  ['dpia', { dpiaStatus: 'in-progress' }, /processes personal data and its DPIA is not complete/],
  ['dcb0160', { clinicalSafetyStatus: 'not-assessed' }, /safety case is not complete; set it to Not applicable/],
  ['supplier-dspt', { supplierDsptStatus: 'not-checked', supplierDsptCheckedOn: null }, /has not been checked/],
  ['supplier-dspt', { supplierDsptStatus: 'not-met' }, /Standards not met/],
  ['training', { trainingLink: '' }, /No training or quick-guide link/],
  ['training', { staffTrainedOn: null }, /No date staff were trained/],
  ['downtime', { downtimeProcess: '', downtimeNotice: '', downtimeWorkaround: '', downtimePatients: '', downtimeBackfill: '' }, /No downtime process/],
  ['access', { accessRemoved: '  ' }, /Not written down: how access is removed/],
  ['escalation', { escalationRoute: '' }, /No escalation route/],
])('the %s gate is missing, in words, when the entry lacks it', (gate, overrides, words) => {
  const result = stateOf(evaluateGoLiveGate(ready(overrides)), gate);
  expect(result.state).toBe('missing');
  expect(result.detail).toMatch(words);
  expect(missingGates(ready(overrides)).map((missing) => missing.gate)).toEqual([gate]);
});

test('the DPIA gate applies only where personal data is processed', () => {
  const noPersonalData = ready({ dataTypes: ['none'], dpiaStatus: 'not-assessed' });
  expect(stateOf(evaluateGoLiveGate(noPersonalData), 'dpia')).toMatchObject({ state: 'met', detail: 'No personal data is recorded, so no DPIA is needed.' });
  const staffData = ready({ dataTypes: ['staff'], dpiaStatus: 'not-required' });
  expect(stateOf(evaluateGoLiveGate(staffData), 'dpia').state).toBe('missing');
});

test('the DCB0160 gate applies only where it applies: "Not applicable" meets it, "In progress" does not', () => {
  expect(stateOf(evaluateGoLiveGate(ready({ clinicalSafetyStatus: 'not-applicable' })), 'dcb0160').state).toBe('met');
  expect(stateOf(evaluateGoLiveGate(ready({ clinicalSafetyStatus: 'in-progress' })), 'dcb0160').state).toBe('missing');
});

test('a waiver with a named person and a reason waives a missing gate, and says who and why', () => {
  const entry = ready({ dpiaStatus: 'in-progress', goLiveWaivers: [waiver('dpia')] });
  const result = stateOf(evaluateGoLiveGate(entry), 'dpia');
  expect(result.state).toBe('waived');
  expect(result.detail).toBe(`Waived by Priya Shah on ${TODAY}: Covered by the national DPIA.`);
  expect(goLiveBlockedText(entry)).toBeNull();
  expect(gateOutcomes(entry).find((outcome) => outcome.gate === 'dpia')).toEqual({ gate: 'dpia', state: 'waived', by: 'Priya Shah', reason: 'Covered by the national DPIA.' });
});

test.each([
  ['no named person', waiver('escalation', '  ', 'Supplier escalates for us.')],
  ['no reason', waiver('escalation', 'Priya Shah', '')],
])('a waiver with %s does not count, and the gate says what the waiver needs', (_case, given) => {
  const result = stateOf(evaluateGoLiveGate(ready({ escalationRoute: '', goLiveWaivers: [given] })), 'escalation');
  expect(result.state).toBe('missing');
  expect(result.detail).toMatch(/The waiver needs a named person and a reason\.$/);
});

test('a waiver for a gate that is met changes nothing: the gate reads as met', () => {
  const result = stateOf(evaluateGoLiveGate(ready({ goLiveWaivers: [waiver('downtime')] })), 'downtime');
  expect(result.state).toBe('met');
});

test('the blocked message names every missing requirement and says how to waive', () => {
  const entry = ready({ escalationRoute: '', trainingLink: '', goLiveWaivers: [] });
  expect(goLiveBlockedText(entry)).toBe(
    'This service cannot move to Live yet: 2 requirements are missing (Staff trained, with a training or quick-guide link; An escalation route). '
      + 'Fill each in, or waive it under Go-live waivers with a named person and a reason.',
  );
});

test('moving to Live is a saved entry changing to Live; adding a service as Live or staying Live is not', () => {
  expect(isMovingToLive({ lifecycle: 'trial' }, { lifecycle: 'live' })).toBe(true);
  expect(isMovingToLive(null, { lifecycle: 'live' })).toBe(false);
  expect(isMovingToLive({ lifecycle: 'live' }, { lifecycle: 'live' })).toBe(false);
  expect(isMovingToLive({ lifecycle: 'trial' }, { lifecycle: 'retiring' })).toBe(false);
});

test('the go-live record keeps the gate outcome, the trial as its testing and a workload check six weeks on', () => {
  const entry = ready({ title: 'AI scribe', escalationRoute: '', goLiveWaivers: [waiver('escalation', 'Dr Amir Khan', 'Supplier runs escalation for the pilot.')] });
  const record = goLiveRecord({ key: 'chg-1', entryId: '7', entry, fromLifecycle: 'trial', by: 'Priya Shah', today: TODAY, at: '2026-06-15T10:00:00.000Z' });
  expect(record).toMatchObject({
    kind: 'go-live', entryId: '7', serviceTitle: 'AI scribe', whatChanged: 'Moved from Trial to Live', approvedBy: 'Priya Shah',
    goLiveOn: TODAY, workloadCheckDue: '2026-07-27', workloadCheck: null, fromLifecycle: 'trial',
  });
  expect(record.howTested).toMatch(/trial/);
  expect(record.staffTold).toBe('Staff trained on 1 June 2026; training or quick guide: https://example.co.uk/quick-guide');
  expect(record.gates.filter((outcome) => outcome.state === 'waived')).toEqual([
    { gate: 'escalation', state: 'waived', by: 'Dr Amir Khan', reason: 'Supplier runs escalation for the pilot.' },
  ]);
  // Straight from Proposed there was no trial: the record says nothing about testing.
  expect(goLiveRecord({ key: 'chg-2', entryId: '7', entry, fromLifecycle: 'proposed', by: 'Priya Shah', today: TODAY, at: '' }).howTested).toBe('');
});

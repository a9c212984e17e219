/**
 * The go-live gate (issue 17): moving a service to Live needs each requirement met, or waived by a
 * named person with a reason. Each gate is judged from the entry's own fields, so the form, the
 * go-live record and the docs all say the same thing.
 *
 * - DPIA: only where personal data is processed (the same test as the risk flags); then complete.
 * - DCB0160: only where it applies. "Not applicable" is the practice saying it does not; anything
 *   else means it applies (or nobody has decided), and only a complete safety case meets it.
 * - Supplier DSPT: checked (a date and a status), and the published status is not "Standards not
 *   met" or "Not published": going live on those is a decision someone must own with a waiver.
 * - Training: staff trained (a date) with a training or quick-guide link.
 * - Downtime: any part of the downtime process written down.
 * - Access: how access is granted and how it is removed are both written down.
 * - Escalation: an escalation route.
 * Pure.
 */
import { GO_LIVE_GATES, labelOf, type GateWaiver, type GoLiveGate, type Lifecycle, type LocalDate, type RegisterEntry } from '../entry';
import { hasDowntimeProcess } from '../downtime';
import { processesPersonalData } from '../due';
import { formatLocalDate } from '../localDate';
import { goLiveSummary, workloadCheckDueFor, type ChangeRecord, type GateOutcome } from './changeRecord';

export type GateState = 'met' | 'waived' | 'missing';

export interface GateResult {
  readonly gate: GoLiveGate;
  /** The requirement, as GO_LIVE_GATES words it. */
  readonly label: string;
  readonly state: GateState;
  /** Why, in plain words: what the entry shows, or what is missing and where to fill it in. */
  readonly detail: string;
  /** The waiver that counts, when waived. */
  readonly waiver?: GateWaiver;
}

const blank = (text: string) => text.trim() === '';

/** Met (with what shows it), or missing (with what to do). */
type Judgement = { met: true; detail: string } | { met: false; detail: string };

function judge(entry: RegisterEntry, gate: GoLiveGate): Judgement {
  switch (gate) {
    case 'dpia':
      if (!processesPersonalData(entry)) return { met: true, detail: 'No personal data is recorded, so no DPIA is needed.' };
      return entry.dpiaStatus === 'complete'
        ? { met: true, detail: 'The DPIA is complete.' }
        : { met: false, detail: 'The service processes personal data and its DPIA is not complete (Governance: DPIA status).' };
    case 'dcb0160':
      if (entry.clinicalSafetyStatus === 'not-applicable') return { met: true, detail: 'DCB0160 is recorded as not applicable.' };
      return entry.clinicalSafetyStatus === 'complete'
        ? { met: true, detail: 'The DCB0160 safety case is complete.' }
        : { met: false, detail: 'The DCB0160 safety case is not complete; set it to Not applicable if DCB0160 does not apply (Governance: DCB0160 status).' };
    case 'supplier-dspt':
      if (entry.supplierDsptStatus === 'not-checked' || entry.supplierDsptCheckedOn === null) {
        return { met: false, detail: 'The supplier’s DSPT status has not been checked (Training and escalation: status and date checked).' };
      }
      if (entry.supplierDsptStatus === 'not-met' || entry.supplierDsptStatus === 'not-published') {
        return { met: false, detail: 'The supplier’s DSPT status is “Standards not met” or “Not published”: waive it only if the practice accepts that.' };
      }
      return { met: true, detail: 'The supplier’s DSPT status was checked.' };
    case 'training':
      if (blank(entry.trainingLink) && entry.staffTrainedOn === null) return { met: false, detail: 'No training date and no training or quick-guide link (Training and escalation).' };
      if (blank(entry.trainingLink)) return { met: false, detail: 'No training or quick-guide link (Training and escalation).' };
      if (entry.staffTrainedOn === null) return { met: false, detail: 'No date staff were trained (Training and escalation).' };
      return { met: true, detail: 'Staff were trained and the training link is recorded.' };
    case 'downtime':
      return hasDowntimeProcess(entry)
        ? { met: true, detail: 'A downtime process is written down.' }
        : { met: false, detail: 'No downtime process is written down (Continuity).' };
    case 'access': {
      const missing = [blank(entry.accessGranted) ? 'how access is granted' : '', blank(entry.accessRemoved) ? 'how access is removed' : ''].filter(Boolean);
      return missing.length === 0
        ? { met: true, detail: 'How access is granted and removed is written down.' }
        : { met: false, detail: `Not written down: ${missing.join(' and ')} (Access).` };
    }
    case 'escalation':
      return blank(entry.escalationRoute)
        ? { met: false, detail: 'No escalation route (Training and escalation).' }
        : { met: true, detail: 'An escalation route is written down.' };
  }
}

/** A waiver counts only with a named person and a reason. */
export function isUsableWaiver(waiver: GateWaiver): boolean {
  return !blank(waiver.by) && !blank(waiver.reason);
}

/** Each gate for `entry`, in GO_LIVE_GATES order: met, waived (a usable waiver for a gate not met) or missing. */
export function evaluateGoLiveGate(entry: RegisterEntry): GateResult[] {
  return GO_LIVE_GATES.map(({ code: gate, label }) => {
    const judgement = judge(entry, gate);
    if (judgement.met) return { gate, label, state: 'met', detail: judgement.detail };
    const waiver = entry.goLiveWaivers.find((candidate) => candidate.gate === gate);
    if (waiver && isUsableWaiver(waiver)) {
      return { gate, label, state: 'waived', detail: `Waived by ${waiver.by.trim()} on ${waiver.on}: ${waiver.reason.trim()}`, waiver };
    }
    const unnamed = waiver ? ' The waiver needs a named person and a reason.' : '';
    return { gate, label, state: 'missing', detail: `${judgement.detail}${unnamed}` };
  });
}

/** The gates still missing: empty when the entry may move to Live. */
export function missingGates(entry: RegisterEntry): GateResult[] {
  return evaluateGoLiveGate(entry).filter((result) => result.state === 'missing');
}

/**
 * Moving to Live: a saved entry whose lifecycle changes to Live. Adding a service to the register as
 * Live is not a go-live: the register is recording something the practice already runs (a new entry's
 * lifecycle starts at Live), and the "live without a go-live record" flag asks for its record later.
 * Staying Live is not a move either.
 */
export function isMovingToLive(before: Pick<RegisterEntry, 'lifecycle'> | null, after: Pick<RegisterEntry, 'lifecycle'>): boolean {
  return before !== null && before.lifecycle !== 'live' && after.lifecycle === 'live';
}

/**
 * The blocked message, in words: which requirements are missing and how to waive them. Null when
 * nothing is missing.
 */
export function goLiveBlockedText(entry: RegisterEntry): string | null {
  const missing = missingGates(entry);
  if (missing.length === 0) return null;
  const names = missing.map((result) => result.label).join('; ');
  const count = missing.length === 1 ? '1 requirement is' : `${missing.length} requirements are`;
  return `This service cannot move to Live yet: ${count} missing (${names}). Fill each in, or waive it under Go-live waivers with a named person and a reason.`;
}

/** The gate's outcome for the go-live record: each gate met or waived (call only when nothing is missing). */
export function gateOutcomes(entry: RegisterEntry): GateOutcome[] {
  return evaluateGoLiveGate(entry)
    .filter((result) => result.state !== 'missing')
    .map((result) => (result.state === 'waived' && result.waiver
      ? { gate: result.gate, state: 'waived' as const, by: result.waiver.by.trim(), reason: result.waiver.reason.trim() }
      : { gate: result.gate, state: 'met' as const }));
}

/** A new waiver for `gate`, by `by`, today: the form fills in the reason. */
export function newWaiver(gate: GoLiveGate, by: string, today: LocalDate): GateWaiver {
  return { gate, by, on: today, reason: '' };
}

/** "DPIA where personal data is processed" for a gate code. */
export function gateLabel(gate: GoLiveGate): string {
  return labelOf(GO_LIVE_GATES, gate);
}

export interface GoLiveInput {
  readonly key: string;
  readonly entryId: string;
  /** The entry as saved Live. */
  readonly entry: RegisterEntry;
  /** Its lifecycle before (null for a service added as Live). */
  readonly fromLifecycle: Lifecycle | null;
  /** Who moved it to Live: they approved it by doing so. */
  readonly by: string;
  readonly today: LocalDate;
  /** ISO instant. */
  readonly at: string;
}

/**
 * The go-live change record written when an entry moves to Live: the gate's outcome, the trial as
 * its testing (when it came from Trial), and how staff were told from the training fields.
 */
export function goLiveRecord(input: GoLiveInput): ChangeRecord {
  const { entry } = input;
  const trained = entry.staffTrainedOn ? `Staff trained on ${formatLocalDate(entry.staffTrainedOn)}` : '';
  const guide = entry.trainingLink.trim() === '' ? '' : `training or quick guide: ${entry.trainingLink.trim()}`;
  return {
    key: input.key,
    entryId: input.entryId,
    serviceTitle: entry.title,
    kind: 'go-live',
    whatChanged: goLiveSummary(input.fromLifecycle),
    howTested: input.fromLifecycle === 'trial' ? 'Used in a trial before going live (the register showed it in Trial).' : '',
    approvedBy: input.by,
    staffTold: [trained, guide].filter(Boolean).join('; '),
    goLiveOn: input.today,
    workloadCheckDue: workloadCheckDueFor(input.today),
    workloadCheck: null,
    gates: gateOutcomes(entry),
    fromLifecycle: input.fromLifecycle,
    recordedBy: input.by,
    recordedAt: input.at,
  };
}

/**
 * The ten questions a digitally mature practice can answer from its register (docs/register-views.md, "Overview"), each
 * answered from the data. Every answer says plainly what the register shows, lists the entries behind
 * any gap, and says where the register cannot answer (it has no field for it).
 *
 * Pure: the caller passes each entry with its risk flags and review status (worked out for `today`),
 * and, once loaded, the practice's records: questions 7 and 9 then answer from them (recordAnswers.ts).
 */
import { PROVISIONS, type LocalDate, type RegisterEntry } from '../entry';
import { addMonths, isLocalDate } from '../localDate';
import type { ReviewStatus } from '../reviewStatus';
import { processesPersonalData, type RiskFlag } from '../riskFlags';
import { accessReviewsSentence, changeTestingAnswer, type MaturityEvidence } from './recordAnswers';

export interface MaturityRow {
  readonly id: string;
  readonly entry: RegisterEntry;
  readonly status: ReviewStatus;
  readonly flags: readonly RiskFlag[];
}

/** Entries behind one gap; `flag` / `status` name the register filter that shows exactly them, when one does. */
export interface MaturityGap {
  readonly label: string;
  readonly entryIds: readonly string[];
  readonly flag?: RiskFlag;
  readonly status?: ReviewStatus;
}

export interface MaturityAnswer {
  readonly id: string;
  readonly question: string;
  /** 'answered': no gaps; 'gaps': answered, with entries to fix; 'partial': the register can only partly answer. */
  readonly outcome: 'answered' | 'gaps' | 'partial';
  /** One or two plain sentences. */
  readonly summary: string;
  readonly gaps: readonly MaturityGap[];
  /** What the register cannot tell, in plain words, when something. */
  readonly cannotTell?: string;
}

const IN_USE = new Set(['trial', 'live', 'retiring']);

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function gap(label: string, rows: readonly MaturityRow[], filter: { flag?: RiskFlag; status?: ReviewStatus } = {}): MaturityGap[] {
  return rows.length === 0 ? [] : [{ label, entryIds: rows.map((row) => row.id), ...filter }];
}

function answer(id: string, question: string, summary: string, gaps: MaturityGap[], cannotTell?: string): MaturityAnswer {
  const outcome = cannotTell ? 'partial' : gaps.length > 0 ? 'gaps' : 'answered';
  return { id, question, outcome, summary, gaps, ...(cannotTell ? { cannotTell } : {}) };
}

const withFlag = (rows: readonly MaturityRow[], flag: RiskFlag) => rows.filter((row) => row.flags.includes(flag));
const blank = (text: string) => text.trim() === '';
const rowsOf = (rows: readonly MaturityRow[], ids: readonly string[]) => rows.filter((row) => ids.includes(row.id));

/**
 * @param rows every entry in the register (retired ones are left out of the questions about services in use).
 * @param today the Europe/London date now.
 * @param evidence the change records and access reviews, when loaded (absent: answered from the entries).
 */
export function answerTenQuestions(rows: readonly MaturityRow[], today: LocalDate, evidence: MaturityEvidence = {}): MaturityAnswer[] {
  const active = rows.filter((row) => row.entry.lifecycle !== 'retired');
  const inUse = active.filter((row) => IN_USE.has(row.entry.lifecycle));
  const personal = inUse.filter((row) => processesPersonalData(row.entry));
  const n = active.length;

  const critical = inUse.filter((row) => row.entry.criticality === 'critical' || row.entry.criticality === 'high');
  const noPurpose = active.filter((row) => blank(row.entry.purpose));

  const noOwner = withFlag(active, 'no-owner');
  const ownerLeft = withFlag(active, 'owner-left');
  const owned = n - noOwner.length - ownerLeft.length;

  const byProvision = PROVISIONS.map((option) => ({ label: option.label, count: active.filter((row) => row.entry.provision === option.code).length }))
    .filter((item) => item.count > 0)
    .map((item) => `${item.label}: ${item.count}`)
    .join('; ');

  const hasContact = (entry: RegisterEntry) => ![entry.supportPhone, entry.supportEmail, entry.supportUrl].every(blank);
  const noSupport = active.filter((row) => blank(row.entry.supplier) || !hasContact(row.entry));

  const noDataTypes = active.filter((row) => row.entry.dataTypes.length === 0);

  const noDpia = withFlag(active, 'personal-data-no-dpia');
  const dpiaDone = active.filter((row) => processesPersonalData(row.entry)).length - noDpia.length;

  const accessOverdue = withFlag(active, 'access-review-overdue');
  const noAccessProcess = personal.filter((row) => blank(row.entry.accessReviewed) && !accessOverdue.includes(row));

  const noDowntime = withFlag(active, 'no-downtime-process');
  const withDowntime = inUse.filter((row) => !blank(row.entry.downtimeProcess));
  const testedRecently = withDowntime.filter((row) => {
    const tested = row.entry.continuityLastTested;
    return tested !== null && isLocalDate(tested) && addMonths(tested, 12) >= today;
  });

  const checklistOverdue = withFlag(active, 'access-checklist-overdue');
  const reviewsRecorded = accessReviewsSentence(evidence.accessReviews, today);

  const mentionsTesting = active.filter((row) => /\btest/i.test(row.entry.notes));
  const changeTesting = evidence.changes ? changeTestingAnswer(active, evidence.changes) : null;

  const overdue = active.filter((row) => row.status === 'overdue');
  const neverReviewed = active.filter((row) => row.status === 'not-set');
  const current = n - overdue.length - neverReviewed.length;

  return [
    answer('rely-on', 'What do we rely on every day?',
      `${plural(inUse.length, 'service')} in use, ${critical.length} of them critical or high criticality.`,
      gap('No purpose written', noPurpose)),
    answer('owners', 'Who owns each one locally?',
      `${owned} of ${n} have a named owner in the practice; ${noOwner.length} ${noOwner.length === 1 ? 'has' : 'have'} none and ${ownerLeft.length} ${ownerLeft.length === 1 ? 'has' : 'have'} an owner who has left.`,
      [...gap('No owner', noOwner, { flag: 'no-owner' }), ...gap('Owner has left', ownerLeft, { flag: 'owner-left' })]),
    answer('provision', 'What is ICB-provided and what is practice-owned?', n === 0 ? 'No services recorded yet.' : `${byProvision}.`, []),
    answer('support', 'What supplier support exists?',
      `${n - noSupport.length} of ${n} record a supplier and a support phone, email or web page.`,
      gap('No supplier or support contact', noSupport)),
    answer('data', 'What data flows through each?',
      `${n - noDataTypes.length} of ${n} record the types of data they process; ${plural(personal.length, 'service')} in use process personal data.`,
      gap('Data types not recorded', noDataTypes)),
    answer('dpia', 'Are DPIAs and privacy information current?',
      `${dpiaDone} of ${dpiaDone + noDpia.length} services processing personal data have a completed DPIA.`,
      gap('Personal data, DPIA not complete', noDpia, { flag: 'personal-data-no-dpia' }),
      'The register records DPIAs, not whether the practice privacy notice mentions each service: check the privacy notice separately.'),
    answer('access', 'How are access rights reviewed?',
      `${personal.length - accessOverdue.length} of ${personal.length} services in use holding personal data had their access checked in the last 12 months.${reviewsRecorded ? ` ${reviewsRecorded}` : ''}`,
      [
        ...gap('Access review overdue or never done', accessOverdue, { flag: 'access-review-overdue' }),
        ...gap('How access is reviewed is not written down', noAccessProcess),
        ...gap('Joiner, leaver or role-change checklist past its date', checklistOverdue, { flag: 'access-checklist-overdue' }),
      ]),
    answer('downtime', 'What is the downtime process?',
      // The verb agrees with the first number: "1 of 4 services in use has…; 1 of those was tested".
      `${withDowntime.length} of ${inUse.length} ${inUse.length === 1 ? 'service' : 'services'} in use ${withDowntime.length === 1 ? 'has' : 'have'} a written downtime process; ${testedRecently.length} of those ${testedRecently.length === 1 ? 'was' : 'were'} tested in the last 12 months.`,
      gap('No downtime process', noDowntime, { flag: 'no-downtime-process' })),
    changeTesting
      ? answer('change-testing', 'How are changes tested before going live?', changeTesting.summary,
        [
          ...gap(`Changes with no record of testing (${plural(changeTesting.untestedCount, 'change')})`, rowsOf(active, changeTesting.untestedEntryIds), { flag: 'change-untested' }),
          ...gap('Live without a go-live record', rowsOf(active, changeTesting.noGoLiveEntryIds), { flag: 'live-without-go-live-record' }),
        ],
        changeTesting.nothingRecorded ? 'Record each change to a live service under Changes in its entry: what changed, how it was tested, who approved it and how staff were told.' : undefined)
      : answer('change-testing', 'How are changes tested before going live?',
        mentionsTesting.length > 0 ? `${plural(mentionsTesting.length, 'entry', 'entries')} mention testing in their notes.` : 'No entry mentions testing in its notes.',
        [],
        'The register has no field for how changes are tested, so it cannot answer this for each service. Record it in the notes, or keep a change log.'),
    answer('still-works', 'How do we know each system still does what we think?',
      `${current} of ${n} were reviewed by their owner and are not overdue; ${overdue.length} overdue, ${neverReviewed.length} never reviewed.`,
      [...gap('Review overdue', overdue, { status: 'overdue' }), ...gap('Never reviewed (no review date)', neverReviewed, { status: 'not-set' })]),
  ];
}

/**
 * The registers of the demo PCN (demoNetwork.ts): each new practice's services, and the two
 * services the PCN provides to all its practices, recorded once in the PCN's own register.
 *
 * Each practice draws its services from the demo practice's (registerEntries.ts) and a second set
 * below, in its own review states and owners, with deliberate gaps the roll-up should find:
 * - Northgate Surgery has an AI scribe in trial with no DPIA assessed;
 * - Hillside Health Centre runs its cloud telephony with no downtime process (as does Riverside);
 * - some services have no owner, some DPIAs are not assessed, some reviews are overdue or not set.
 */
import { addDays, addMonths, emptyEntry, type PersonRef, type RegisterEntry } from '@domain';
import type { DemoPerson } from './demoPractice';
import { demoEntries } from './registerEntries';

type Review = 'up-to-date' | 'due-soon' | 'overdue' | 'not-set';
const REVIEWS: readonly Review[] = ['up-to-date', 'due-soon', 'up-to-date', 'overdue', 'not-set', 'up-to-date'];

const ref = (p: DemoPerson): PersonRef => ({ entraId: p.id, displayName: p.displayName, upn: p.upn });

const NO_DOWNTIME: Partial<RegisterEntry> = { downtimeProcess: '', downtimeNotice: '', downtimeWorkaround: '', downtimePatients: '', downtimeBackfill: '' };

function reviewDates(today: string, review: Review, intervalMonths: number, reviewer: string): Partial<RegisterEntry> {
  if (review === 'not-set') return { lastReviewedOn: null, nextReviewDue: null, lastReviewedBy: '' };
  const next = review === 'up-to-date' ? addMonths(today, 4) : review === 'due-soon' ? addDays(today, 9) : addDays(today, -40);
  return { nextReviewDue: next, lastReviewedOn: addMonths(next, -intervalMonths), lastReviewedBy: reviewer };
}

/** Services a practice may run beyond the demo practice's. */
function moreServices(today: string): Partial<RegisterEntry>[] {
  const pid = ['patient-identifiable', 'special-category'] as const;
  const done = { dpiaStatus: 'complete', dpiaDate: addMonths(today, -7) } as const;
  return [
    { title: 'Lexacom dictation', category: 'document-management', purpose: 'Digital dictation for letters and referrals.', provision: 'practice-owned', supplier: 'Lexacom', dataTypes: [...pid], ...done, criticality: 'medium', downtimeProcess: 'Clinicians type letters directly.' },
    { title: 'iGPR', category: 'records-sharing', purpose: 'Subject access and insurance reports from the record.', provision: 'practice-owned', supplier: 'iGPR Technologies', dataTypes: [...pid], ...done, criticality: 'low', downtimeProcess: 'Reports wait; the one-month deadline is tracked on paper.' },
    { title: 'Eclipse Live', category: 'prescribing', purpose: 'Medicines safety alerts and prescribing searches.', provision: 'icb-enhanced', supplier: 'Eclipse Solutions', dataTypes: [...pid], ...done, criticality: 'medium', downtimeProcess: 'Pharmacist runs the clinical system searches by hand.' },
    { title: 'Patchs', category: 'online-consultation', purpose: 'Online consultation requests from patients.', provision: 'practice-owned', supplier: 'Patchs Health', dataTypes: [...pid], dpiaStatus: 'not-assessed', criticality: 'high', downtimeProcess: 'Website banner asks patients to phone.' },
    { title: 'Call recording', category: 'telephony', purpose: 'Records calls for training and complaints.', provision: 'supplier-managed', supplier: 'X-on (Surgery Connect)', dataTypes: ['patient-identifiable'], ...done, criticality: 'low', downtimeProcess: 'Calls continue unrecorded; note complaints by hand.' },
    { title: 'Check-in kiosk', category: 'patient-facing', purpose: 'Patients check in for appointments on arrival.', provision: 'practice-owned', supplier: 'Jayex', dataTypes: ['patient-identifiable'], ...done, criticality: 'low', downtimeProcess: 'Reception checks patients in.' },
    { title: 'Care home record sharing', category: 'records-sharing', purpose: 'Shares records with care homes the practice looks after.', provision: 'icb-enhanced', supplier: 'Graphnet', dataTypes: [...pid], ...done, criticality: 'medium', downtimeProcess: 'Care homes phone for the summary.' },
    { title: 'ICB-managed laptops', category: 'network-infrastructure', purpose: 'Windows laptops for clinicians working remotely.', provision: 'icb-core', supplier: 'ICB IT service desk', dataTypes: ['none'], dpiaStatus: 'not-required', criticality: 'high', downtimeProcess: 'Spare desktop in the admin office.' },
    { title: 'Staff rota', category: 'other', purpose: 'Clinical and reception rotas.', provision: 'practice-owned', supplier: 'Rotamaster', dataTypes: ['staff'], dpiaStatus: 'not-assessed', criticality: 'low', downtimeProcess: 'Printed weekly rota on the staff-room wall.' },
    { title: 'Blood pressure at home', category: 'patient-facing', purpose: 'Patients send home readings through a link.', provision: 'icb-enhanced', supplier: 'Accurx', dataTypes: [...pid], ...done, criticality: 'low', downtimeProcess: 'Patients hand in paper readings.' },
    { title: 'Physio self-referral', category: 'referrals', purpose: 'Patients refer themselves to MSK physiotherapy.', provision: 'icb-core', supplier: 'Local community trust', dataTypes: [...pid], ...done, criticality: 'low', downtimeProcess: 'Reception gives the trust phone number.' },
    { title: 'Microsoft Teams', category: 'communication', purpose: 'Practice chat, meetings and this register.', provision: 'national', supplier: 'NHSmail (Accenture)', dataTypes: ['staff'], ...done, criticality: 'medium', downtimeProcess: 'Use NHSmail and the phone.' },
    { title: 'Clinical coding assistant', category: 'ai-tool', purpose: 'Suggests codes for incoming letters.', provision: 'practice-owned', supplier: 'Tortus', dataTypes: [...pid], dpiaStatus: 'in-progress', lifecycle: 'proposed', criticality: 'low', downtimeProcess: 'Summarisers code letters as before.' },
    { title: 'Payroll', category: 'other', purpose: 'Staff pay and pensions.', provision: 'supplier-managed', supplier: 'Local accountants', dataTypes: ['staff'], ...done, criticality: 'medium', downtimeProcess: 'Accountants run payroll from the last month.' },
    { title: 'Smart card self-service (CIS2)', category: 'identity-access', purpose: 'Staff unlock and renew their smartcards.', provision: 'national', supplier: 'NHS England', dataTypes: ['staff'], ...done, criticality: 'medium', downtimeProcess: 'Registration authority resets cards by phone.' },
  ];
}

export interface PracticeRegisterPlan {
  readonly name: string;
  readonly count: number;
  /** Shifts the review states and owners, so no two practices look alike. */
  readonly offset: number;
  readonly staff: readonly DemoPerson[];
}

/** What each practice changes from the common services, by title. */
function practiceOverrides(name: string, today: string): Readonly<Record<string, Partial<RegisterEntry>>> {
  switch (name) {
    case 'Northgate Surgery':
      return {
        'AI scribe (trial)': { dpiaStatus: 'not-assessed', clinicalSafetyStatus: 'not-assessed', lifecycle: 'trial', supplier: 'Tortus', notes: 'Trial with two GPs; no DPIA yet.' },
        'Cloud telephony': { downtimeProcess: 'Divert to the duty mobile; paper call log.', dpiaStatus: 'complete', dpiaDate: addMonths(today, -5) },
      };
    case 'Hillside Health Centre':
      return {
        'EMIS Web': { title: 'SystmOne', supplier: 'TPP', supportPhone: '0113 205 0080', supportUrl: 'https://tpp-uk.com/support' },
        'Cloud telephony': { ...NO_DOWNTIME, supplier: 'Redcentric', dpiaStatus: 'complete', dpiaDate: addMonths(today, -3) },
        'AI scribe (trial)': { dpiaStatus: 'complete', dpiaDate: addMonths(today, -2), clinicalSafetyStatus: 'complete', lifecycle: 'live' },
      };
    case 'Brook Lane Practice':
      return {
        'Cloud telephony': { downtimeProcess: 'Calls fail over to the analogue line in the office.', dpiaStatus: 'complete', dpiaDate: addMonths(today, -8) },
        'AI scribe (trial)': { title: 'AI scribe', dpiaStatus: 'complete', dpiaDate: addMonths(today, -4), clinicalSafetyStatus: 'complete', lifecycle: 'live' },
      };
    default:
      return {
        'Cloud telephony': { downtimeProcess: 'Reception uses the practice mobile; callers told by recorded message.' },
        'AI scribe (trial)': { dpiaStatus: 'in-progress', lifecycle: 'proposed' },
      };
  }
}

/** The register of one new practice on the day `today`: `plan.count` services (12 to 30). */
export function networkPracticeEntries(plan: PracticeRegisterPlan, today: string): RegisterEntry[] {
  const common = demoEntries(today).map((entry) => ({ ...entry, owner: null, deputy: null, notes: '' }));
  const catalogue: RegisterEntry[] = [...common, ...moreServices(today).map((fields) => ({ ...emptyEntry(), lifecycle: 'live' as const, ...fields }))];
  if (plan.count < 12 || plan.count > catalogue.length) throw new RangeError(`A demo practice has 12 to ${catalogue.length} services, not ${plan.count}.`);
  const overrides = practiceOverrides(plan.name, today);
  const manager = plan.staff[0] as DemoPerson;
  return catalogue.slice(0, plan.count).map((template, index) => {
    const turn = index + plan.offset;
    const owner = turn % 7 === 3 ? null : (plan.staff[turn % plan.staff.length] ?? null);
    const dpia: Partial<RegisterEntry> = turn % 9 === 5 && template.dataTypes.some((d) => d !== 'none') ? { dpiaStatus: 'not-assessed', dpiaDate: null } : {};
    const base: RegisterEntry = { ...template, owner: owner && ref(owner), deputy: owner === manager ? null : ref(manager), ...dpia, ...(overrides[template.title] ?? {}) };
    return { ...base, ...reviewDates(today, REVIEWS[turn % REVIEWS.length] as Review, base.reviewIntervalMonths, manager.displayName) };
  });
}

/** The two services the PCN provides to all its practices, kept once in the PCN's own register. */
export function pcnSharedEntries(lead: DemoPerson, today: string): RegisterEntry[] {
  const owner = ref(lead);
  const base = (fields: Partial<RegisterEntry>): RegisterEntry => ({ ...emptyEntry(), provision: 'pcn-shared', owner, lifecycle: 'live', ...fields });
  return [
    base({
      title: 'Enhanced access hub telephony', category: 'telephony', purpose: 'Evening and weekend hub appointments across the PCN, booked by phone.', supplier: 'X-on (Surgery Connect)',
      supportPhone: '0333 332 2000', dataTypes: ['patient-identifiable'], dpiaStatus: 'complete', dpiaDate: addMonths(today, -6), criticality: 'high',
      downtimeProcess: 'Hub calls divert to the PCN duty mobile; bookings on the printed hub list.', ...reviewDates(today, 'up-to-date', 12, lead.displayName),
    }),
    base({
      title: 'PCN clinical pharmacist systems', category: 'prescribing', purpose: "The PCN pharmacists' remote access to each practice's clinical system and medication reviews.", supplier: 'Optum (EMIS) and TPP',
      dataTypes: ['patient-identifiable', 'special-category'], dpiaStatus: 'in-progress', criticality: 'medium',
      downtimeProcess: 'Pharmacists work on site at the practice; reviews rebooked.', ...reviewDates(today, 'due-soon', 12, lead.displayName),
    }),
  ];
}

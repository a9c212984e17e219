/**
 * The demo register: about fifteen services a GP practice in England really relies on, in every
 * review state relative to `today` (up to date, due soon, overdue, not set), one owned by a leaver.
 *
 * Like a reasonably well-run practice: most services in use that hold personal data had their
 * access checked a few months ago (ACCESS_DEFAULTS) and have a downtime plan. The gaps are few and
 * deliberate (each entry that has one says so with an explicit field below; national services use
 * the national DPIA template, so their DPIA is recorded as complete), so the overview and
 * the risk flags have something real to point at without every row shouting.
 */
import { emptyEntry, type PersonRef, type RegisterEntry, addDays, addMonths } from '@domain';
import { DEMO, type DemoPerson } from './demoPractice';

const ref = (p: DemoPerson): PersonRef => ({ entraId: p.id, displayName: p.displayName, upn: p.upn });
const byName = (surname: string) => DEMO.teamMembers.find((p) => p.surname === surname) as DemoPerson;

type Review = 'up-to-date' | 'due-soon' | 'overdue' | 'not-set';

function reviewDates(today: string, review: Review, intervalMonths: number, reviewer: DemoPerson): Partial<RegisterEntry> {
  if (review === 'not-set') return { lastReviewedOn: null, nextReviewDue: null, lastReviewedBy: '' };
  const next = review === 'up-to-date' ? addMonths(today, 5) : review === 'due-soon' ? addDays(today, 12) : addDays(today, -21);
  return { nextReviewDue: next, lastReviewedOn: addMonths(next, -intervalMonths), lastReviewedBy: reviewer.displayName };
}

/** The seed entries for the day `today` (a London `YYYY-MM-DD`). */
export function demoEntries(today: string): RegisterEntry[] {
  const priya = DEMO.manager;
  const mark = byName('Wilson');
  const aisha = byName('Begum');
  const helen = byName('Carter');
  const daniel = byName('Evans');
  const grace = byName('Lee');
  const accessDefaults: Partial<RegisterEntry> = {
    accessGranted: 'Practice manager requests an account when a starter joins; role set by job.',
    accessReviewed: 'User list checked against the staff list at the yearly access review.',
    accessRemoved: 'Leaver checklist: accounts disabled on the last working day.',
    lastAccessReview: addMonths(today, -3),
  };
  const make = (review: Review, fields: Partial<RegisterEntry>): RegisterEntry => {
    const base = { ...emptyEntry(), ...accessDefaults, ...fields };
    return { ...base, ...reviewDates(today, review, base.reviewIntervalMonths, priya) };
  };
  const pid = ['patient-identifiable', 'special-category'] as const;
  return [
    make('up-to-date', { title: 'EMIS Web', category: 'clinical-system', purpose: 'Clinical record, appointments and prescribing.', provision: 'icb-core',
      owner: ref(priya), deputy: ref(helen), supplier: 'Optum (EMIS)', supportPhone: '0345 122 3434', supportUrl: 'https://www.emishealth.com/support',
      supportHours: '24/7 for critical faults', supportReference: 'EMIS organisation number', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -14),
      clinicalSafetyStatus: 'complete', accessGranted: 'Smartcard RBAC via the RA; practice manager requests.', accessReviewed: 'Quarterly against the staff list.',
      accessRemoved: 'Leaver checklist on the last working day.', lastAccessReview: addMonths(today, -2), downtimeProcess: 'Paper appointment lists printed nightly; business continuity pack in reception.',
      continuityLastTested: addMonths(today, -4), lifecycle: 'live', criticality: 'critical' }),
    make('due-soon', { title: 'Accurx', category: 'online-consultation', purpose: 'SMS, video consultations and online requests.', provision: 'icb-core',
      owner: ref(aisha), deputy: ref(priya), supplier: 'Accurx', supportEmail: 'support@accurx.com', supportUrl: 'https://support.accurx.com', supportHours: 'Mon–Fri 8am–6:30pm',
      dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -20), clinicalSafetyStatus: 'complete', lifecycle: 'live', criticality: 'high',
      downtimeProcess: 'Phone patients back; post a website banner.' }),
    make('overdue', { title: 'Cloud telephony', category: 'telephony', purpose: 'Cloud-based telephony with call queueing and call-back.', provision: 'icb-enhanced',
      owner: ref(DEMO.leaver), supplier: 'X-on (Surgery Connect)', supportPhone: '0333 332 2000', supportReference: 'Site ID on the admin portal',
      dataTypes: ['patient-identifiable'], dpiaStatus: 'in-progress', lifecycle: 'live', criticality: 'critical', downtimeProcess: '',
      lastAccessReview: null, accessReviewed: '', notes: 'Owner has left the practice: reassign.' }),
    make('up-to-date', { title: 'Docman', category: 'document-management', purpose: 'Incoming clinical correspondence and workflow.', provision: 'icb-core',
      owner: ref(grace), supplier: 'Docman', supportUrl: 'https://www.docman.com/support', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -10),
      clinicalSafetyStatus: 'complete', lifecycle: 'live', criticality: 'high', downtimeProcess: 'Hold post in the locked tray; scan on recovery.' }),
    make('not-set', { title: 'NHS App', category: 'patient-facing', purpose: 'Patients book appointments, order repeats and view records.', provision: 'national',
      supplier: 'NHS England', supportUrl: 'https://digital.nhs.uk/services/nhs-app', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -9), lifecycle: 'live', criticality: 'medium',
      downtimeProcess: 'Patients phone reception; national status page checked.' }),
    make('up-to-date', { title: 'e-Referral Service (e-RS)', category: 'referrals', purpose: 'Electronic referrals to secondary care.', provision: 'national',
      owner: ref(helen), supplier: 'NHS England', supportPhone: '0300 303 5035', supportReference: 'National Service Desk reference', dataTypes: [...pid],
      dpiaStatus: 'complete', dpiaDate: addMonths(today, -9), clinicalSafetyStatus: 'not-applicable', lifecycle: 'live', criticality: 'high', downtimeProcess: 'Paper referral via NHSmail to the provider.' }),
    make('due-soon', { title: 'Electronic Prescription Service (EPS)', category: 'prescribing', purpose: 'Sends prescriptions to community pharmacies.', provision: 'national',
      owner: ref(daniel), supplier: 'NHS England', supportPhone: '0300 303 5035', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -9), lifecycle: 'live', criticality: 'critical',
      downtimeProcess: 'Print FP10 tokens.', continuityLastTested: addMonths(today, -13) }),
    make('overdue', { title: 'NHSmail shared mailbox', category: 'communication', purpose: 'Practice generic mailbox for referrals and results.', provision: 'national',
      owner: ref(priya), deputy: ref(aisha), supplier: 'NHSmail (Accenture)', supportPhone: '0333 200 1133', dataTypes: [...pid, 'staff'], dpiaStatus: 'complete', dpiaDate: addMonths(today, -9),
      accessGranted: 'Local Administrator adds delegates.', accessReviewed: '', lifecycle: 'live', criticality: 'high', lastAccessReview: addMonths(today, -15),
      downtimeProcess: 'Use individual NHSmail accounts; tell senders by auto-reply.' }),
    make('up-to-date', { title: 'GP Connect', category: 'records-sharing', purpose: 'Lets other care settings view the record and book appointments.', provision: 'national',
      owner: ref(priya), supplier: 'NHS England', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -8), clinicalSafetyStatus: 'not-applicable',
      lifecycle: 'live', criticality: 'medium', downtimeProcess: 'Other settings phone the practice for the summary.' }),
    make('overdue', { title: 'Practice website', category: 'patient-facing', purpose: 'Opening hours, services and online forms.', provision: 'practice-owned',
      owner: ref(mark), supplier: 'Oldroyd Publishing', supportEmail: 'help@example.org', supportUrl: 'https://www.example.org/support', dataTypes: ['none'],
      dpiaStatus: 'not-required', lifecycle: 'live', criticality: 'low', lastAccessReview: null, downtimeProcess: 'Phone message points to NHS 111 online.' }),
    make('not-set', { title: 'AI scribe (trial)', category: 'ai-tool', purpose: 'Ambient voice technology drafting consultation notes.', provision: 'practice-owned',
      owner: ref(helen), supplier: 'Heidi Health', dataTypes: [...pid], dpiaStatus: 'in-progress', clinicalSafetyStatus: 'in-progress', lifecycle: 'trial', criticality: 'medium',
      downtimeProcess: 'Clinicians type notes as before.',
      notes: 'Two-month pilot with three GPs; DCB0160 hazard log in progress.' }),
    make('due-soon', { title: 'Repeat prescription triage automation', category: 'local-automation', purpose: 'Power Automate flow that sorts repeat requests by urgency.',
      provision: 'practice-owned', owner: ref(DEMO.disabledOwner), deputy: ref(mark), dataTypes: ['patient-identifiable'], dpiaStatus: 'not-assessed', lifecycle: 'live', criticality: 'medium',
      downtimeProcess: 'Prescription clerk sorts the repeat requests by hand.',
      notes: 'Changes are tried on a copy of the flow with test requests before going live.' }),
    make('up-to-date', { title: 'Ardens templates', category: 'reporting', purpose: 'Clinical templates, searches and QOF reporting.', provision: 'icb-enhanced',
      owner: ref(DEMO.formerMember), deputy: ref(grace), supplier: 'Ardens', supportUrl: 'https://www.ardens.org.uk', dataTypes: ['special-category'], dpiaStatus: 'complete', dpiaDate: addMonths(today, -11),
      lifecycle: 'live', criticality: 'medium', downtimeProcess: 'Use the clinical system\'s own templates until Ardens is back.',
      notes: 'Template updates are tested on the EMIS training system before going live.' }),
    make('not-set', { title: 'Smartcard readers and HSCN connection', category: 'network-infrastructure', purpose: 'Network link and card readers for national services.',
      provision: 'icb-core', supplier: 'ICB IT service desk', supportPhone: '0300 555 0100', dataTypes: ['none'], dpiaStatus: 'not-required', lifecycle: 'live', criticality: 'critical',
      downtimeProcess: 'Spare card readers in the manager\'s office; 4G router for national services.' }),
    make('overdue', { title: 'PCN shared booking system', category: 'online-consultation', purpose: 'Enhanced-access appointments across the PCN.', provision: 'pcn-shared',
      owner: ref(priya), supplier: 'Riverside PCN', dataTypes: [...pid], dpiaStatus: 'complete', dpiaDate: addMonths(today, -30), lifecycle: 'retiring', criticality: 'medium',
      downtimeProcess: 'Hub books by phone from a printed list.' }),
  ];
}

/**
 * The register entry: one digital service a practice relies on.
 *
 * Field groups follow the practice-management guidance (purpose, provision, ownership, support,
 * data, governance, access, continuity, review). Choice fields use stable codes in code; their
 * human labels live beside them so that storage (SharePoint choice columns) and UI show the same words.
 *
 * Dates are Europe/London calendar dates written `YYYY-MM-DD` (see `localDate.ts`): a review is due
 * "on 1 March", not at an instant.
 */

/** A `YYYY-MM-DD` Europe/London calendar date. */
export type LocalDate = string;

export interface Option<Code extends string> {
  readonly code: Code;
  readonly label: string;
}

function options<Code extends string>(pairs: ReadonlyArray<readonly [Code, string]>): ReadonlyArray<Option<Code>> {
  return pairs.map(([code, label]) => ({ code, label }));
}

export const PROVISIONS = options([
  ['national', 'Nationally provided'],
  ['icb-core', 'ICB-provided (core/mandated)'],
  ['icb-enhanced', 'ICB-provided (enhanced)'],
  ['practice-owned', 'Practice-owned'],
  ['supplier-managed', 'Supplier-managed'],
  ['pcn-shared', 'PCN-shared'],
] as const);
export type Provision = (typeof PROVISIONS)[number]['code'];

export const CATEGORIES = options([
  ['clinical-system', 'Clinical system'],
  ['online-consultation', 'Online consultation and messaging'],
  ['telephony', 'Telephony'],
  ['document-management', 'Document management'],
  ['prescribing', 'Prescribing'],
  ['referrals', 'Referrals'],
  ['records-sharing', 'Records sharing'],
  ['patient-facing', 'Patient-facing apps and website'],
  ['communication', 'Email and collaboration'],
  ['identity-access', 'Identity and access'],
  ['network-infrastructure', 'Network and infrastructure'],
  ['reporting', 'Reporting and searches'],
  ['local-automation', 'Local templates and automations'],
  ['ai-tool', 'AI tool'],
  ['other', 'Other'],
] as const);
export type Category = (typeof CATEGORIES)[number]['code'];

export const DATA_TYPES = options([
  ['patient-identifiable', 'Patient-identifiable'],
  ['special-category', 'Special category (health)'],
  ['staff', 'Staff personal data'],
  ['none', 'No personal data'],
] as const);
export type DataType = (typeof DATA_TYPES)[number]['code'];

export const DPIA_STATUSES = options([
  ['not-assessed', 'Not assessed'],
  ['in-progress', 'In progress'],
  ['complete', 'Complete'],
  ['not-required', 'Not required'],
] as const);
export type DpiaStatus = (typeof DPIA_STATUSES)[number]['code'];

/** DCB0160 clinical risk management status (only some services are in scope). */
export const CLINICAL_SAFETY_STATUSES = options([
  ['not-applicable', 'Not applicable'],
  ['not-assessed', 'Not assessed'],
  ['in-progress', 'In progress'],
  ['complete', 'Safety case complete'],
] as const);
export type ClinicalSafetyStatus = (typeof CLINICAL_SAFETY_STATUSES)[number]['code'];

export const LIFECYCLES = options([
  ['proposed', 'Proposed'],
  ['trial', 'Trial'],
  ['live', 'Live'],
  ['retiring', 'Retiring'],
  ['retired', 'Retired'],
] as const);
export type Lifecycle = (typeof LIFECYCLES)[number]['code'];

export const CRITICALITIES = options([
  ['critical', 'Critical'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const);
export type Criticality = (typeof CRITICALITIES)[number]['code'];

export const DEPENDENCY_KINDS = options([
  ['integration', 'Integration'],
  ['shared-login', 'Shared login'],
  ['infrastructure', 'Shared infrastructure'],
] as const);
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number]['code'];

/** The supplier's Data Security and Protection Toolkit status, as published on the DSPT site. */
export const SUPPLIER_DSPT_STATUSES = options([
  ['not-checked', 'Not checked'],
  ['exceeded', 'Standards exceeded'],
  ['met', 'Standards met'],
  ['approaching', 'Approaching standards'],
  ['not-met', 'Standards not met'],
  ['not-published', 'Not published'],
] as const);
export type SupplierDsptStatus = (typeof SUPPLIER_DSPT_STATUSES)[number]['code'];

/** What moving a service to Live needs (issue 17), each met or waived with a reason. */
export const GO_LIVE_GATES = options([
  ['dpia', 'DPIA where personal data is processed'],
  ['dcb0160', 'DCB0160 where it applies'],
  ['supplier-dspt', 'Supplier DSPT status checked'],
  ['training', 'Staff trained, with a training or quick-guide link'],
  ['downtime', 'A downtime process'],
  ['access', 'The access process'],
  ['escalation', 'An escalation route'],
] as const);
export type GoLiveGate = (typeof GO_LIVE_GATES)[number]['code'];

/** A person from the NHS.net directory. The Entra object id is what mentions and notifications need. */
export interface PersonRef {
  readonly entraId: string;
  readonly displayName: string;
  readonly upn: string;
}

/** This service depends on another register entry (by list item id), and why. */
export interface Dependency {
  readonly entryId: string;
  /** The other entry's name when the link was made: still readable if that entry is deleted. */
  readonly title: string;
  readonly kind: DependencyKind;
  readonly why: string;
}

/** Someone who holds admin rights on a service (DSPT 4.3.1): a directory person or an external engineer. */
export interface AdminRightHolder {
  /** From the directory; null for an external name typed in. */
  readonly person: PersonRef | null;
  /** The external person's name (empty when `person` is set). */
  readonly externalName: string;
  /** Their organisation: the practice, the supplier, the ICB. */
  readonly organisation: string;
  readonly agreementOnFile: boolean;
  readonly reviewedOn: LocalDate | null;
}

/** A go-live requirement waived by a named person, with the reason. */
export interface GateWaiver {
  readonly gate: GoLiveGate;
  readonly reason: string;
  /** Display name of who waived it. */
  readonly by: string;
  readonly on: LocalDate;
}

export interface RegisterEntry {
  // Purpose
  readonly title: string;
  readonly category: Category;
  readonly purpose: string;
  // Provision
  readonly provision: Provision;
  // Ownership
  readonly owner: PersonRef | null;
  readonly deputy: PersonRef | null;
  // Support
  readonly supplier: string;
  readonly supportPhone: string;
  readonly supportEmail: string;
  readonly supportUrl: string;
  readonly supportHours: string;
  readonly supportReference: string;
  // Data
  readonly dataTypes: readonly DataType[];
  // Governance
  readonly dpiaStatus: DpiaStatus;
  readonly dpiaDate: LocalDate | null;
  readonly clinicalSafetyStatus: ClinicalSafetyStatus;
  // Access
  readonly accessGranted: string;
  readonly accessReviewed: string;
  readonly accessRemoved: string;
  readonly lastAccessReview: LocalDate | null;
  /** Months between access reviews; 0 means no review cycle. */
  readonly accessReviewIntervalMonths: number;
  /** Who holds admin rights (issue 17). */
  readonly adminRights: readonly AdminRightHolder[];
  // Training and escalation (the go-live gate, issue 17)
  /** An https link to the training material or quick guide. */
  readonly trainingLink: string;
  readonly staffTrainedOn: LocalDate | null;
  readonly supplierDsptStatus: SupplierDsptStatus;
  readonly supplierDsptCheckedOn: LocalDate | null;
  /** Who to escalate to when first-line support does not resolve it. */
  readonly escalationRoute: string;
  readonly goLiveWaivers: readonly GateWaiver[];
  // Dependencies (issue 16)
  readonly dependsOn: readonly Dependency[];
  // Continuity: the structured downtime process (issue 14), one field per part of the printed pack.
  /** How staff will notice the service is down. */
  readonly downtimeNotice: string;
  /** The paper workaround while it is down. */
  readonly downtimeWorkaround: string;
  /** What to tell patients. */
  readonly downtimePatients: string;
  /** Back-filling records once it is back. */
  readonly downtimeBackfill: string;
  /** Other downtime notes: free text written before the structured fields, kept where no label sorted it. */
  readonly downtimeProcess: string;
  readonly continuityLastTested: LocalDate | null;
  // Lifecycle and review
  readonly lifecycle: Lifecycle;
  readonly criticality: Criticality;
  readonly reviewIntervalMonths: number;
  readonly lastReviewedOn: LocalDate | null;
  readonly lastReviewedBy: string;
  readonly nextReviewDue: LocalDate | null;
  readonly notes: string;
  // PCN-shared service (issue 18): a practice's link to an entry kept once in its PCN's register.
  /** `<PCN site id>|<PCN entry's list item id>` (sharedServices/sharedLink.ts); '' for an entry the practice keeps itself. */
  readonly sharedFrom: string;
  /** The practice's own contact for the shared service. */
  readonly localContact: string;
  /** How staff at this practice get access to the shared service. */
  readonly localAccessProcess: string;
  readonly localNotes: string;
}

/** A register entry as stored: the list item id, its eTag and who touched it last. */
export interface StoredEntry {
  readonly id: string;
  readonly eTag: string;
  readonly entry: RegisterEntry;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly modifiedAt: string;
  readonly modifiedBy: string;
}

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

/** A blank entry for the "add a service" form. */
export function emptyEntry(): RegisterEntry {
  return {
    title: '',
    category: 'other',
    purpose: '',
    provision: 'practice-owned',
    owner: null,
    deputy: null,
    supplier: '',
    supportPhone: '',
    supportEmail: '',
    supportUrl: '',
    supportHours: '',
    supportReference: '',
    dataTypes: [],
    dpiaStatus: 'not-assessed',
    dpiaDate: null,
    clinicalSafetyStatus: 'not-assessed',
    accessGranted: '',
    accessReviewed: '',
    accessRemoved: '',
    lastAccessReview: null,
    accessReviewIntervalMonths: DEFAULT_REVIEW_INTERVAL_MONTHS,
    adminRights: [],
    trainingLink: '',
    staffTrainedOn: null,
    supplierDsptStatus: 'not-checked',
    supplierDsptCheckedOn: null,
    escalationRoute: '',
    goLiveWaivers: [],
    dependsOn: [],
    downtimeNotice: '',
    downtimeWorkaround: '',
    downtimePatients: '',
    downtimeBackfill: '',
    downtimeProcess: '',
    continuityLastTested: null,
    lifecycle: 'live',
    criticality: 'medium',
    reviewIntervalMonths: DEFAULT_REVIEW_INTERVAL_MONTHS,
    lastReviewedOn: null,
    lastReviewedBy: '',
    nextReviewDue: null,
    notes: '',
    sharedFrom: '',
    localContact: '',
    localAccessProcess: '',
    localNotes: '',
  };
}

export function labelOf<Code extends string>(list: ReadonlyArray<Option<Code>>, code: Code): string {
  return list.find((option) => option.code === code)?.label ?? code;
}

/** @returns the code whose label (or code) matches `text`, ignoring case; undefined when none does. */
export function codeOf<Code extends string>(list: ReadonlyArray<Option<Code>>, text: string): Code | undefined {
  const wanted = text.trim().toLowerCase();
  return list.find((option) => option.label.toLowerCase() === wanted || option.code === wanted)?.code;
}

/**
 * A label as it reads inside a sentence ("typically practice-owned"): the first letter lower-cased,
 * unless the first word is an acronym (ICB, PCN, NHS), which keeps its capitals.
 */
export function labelInSentence(label: string): string {
  const firstWord = label.split(/[\s-]/)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * The words practice spreadsheets use for the register's choice fields, mapped to codes.
 *
 * A cell is first compared with the option labels and codes (so an exported register re-imports
 * unchanged), then with the whole-cell synonyms below, then by tell-tale words it contains
 * (checked in the order listed, most specific first: "ICB enhanced" before "ICB").
 */
import {
  CATEGORIES,
  CLINICAL_SAFETY_STATUSES,
  CRITICALITIES,
  DPIA_STATUSES,
  LIFECYCLES,
  PROVISIONS,
  SUPPLIER_DSPT_STATUSES,
  type Category,
  type ClinicalSafetyStatus,
  type Criticality,
  type DataType,
  type DpiaStatus,
  type Lifecycle,
  type Option,
  type Provision,
  type SupplierDsptStatus,
} from '../entry';
import { normaliseWords } from './importFields';

export interface WordTable<Code extends string> {
  readonly options: ReadonlyArray<Option<Code>>;
  /** Whole-cell words (already normalised) for each code. */
  readonly whole: ReadonlyArray<readonly [Code, readonly string[]]>;
  /** Words or phrases that, found inside the cell, point to a code; first hit wins. */
  readonly contains: ReadonlyArray<readonly [Code, readonly string[]]>;
}

function containsPhrase(words: string, phrase: string): boolean {
  return ` ${words} `.includes(` ${phrase} `);
}

/** @returns the code `text` is a label, code or whole-cell synonym of (no word hunting), or null. */
export function codeFromWholeWords<Code extends string>(table: WordTable<Code>, text: string): Code | null {
  const words = normaliseWords(text);
  if (words === '') return null;
  const byLabel = table.options.find((option) => normaliseWords(option.label) === words || normaliseWords(option.code) === words);
  if (byLabel) return byLabel.code;
  for (const [code, synonyms] of table.whole) if (synonyms.includes(words)) return code;
  return null;
}

/** @returns the code `text` means, or null when it is blank or unrecognised. */
export function codeFromWords<Code extends string>(table: WordTable<Code>, text: string): Code | null {
  const words = normaliseWords(text);
  if (words === '') return null;
  const byLabel = table.options.find((option) => normaliseWords(option.label) === words || normaliseWords(option.code) === words);
  if (byLabel) return byLabel.code;
  for (const [code, synonyms] of table.whole) if (synonyms.includes(words)) return code;
  for (const [code, phrases] of table.contains) if (phrases.some((phrase) => containsPhrase(words, phrase))) return code;
  return null;
}

export const PROVISION_WORDS: WordTable<Provision> = {
  options: PROVISIONS,
  whole: [
    ['national', ['national', 'nationally', 'nhs england', 'nhse', 'nhs digital', 'central', 'centrally funded', 'nhs', 'nhsei']],
    ['icb-core', ['icb', 'core', 'mandated', 'ccg', 'csu', 'gp it', 'foundation', 'core mandated', 'icb core', 'icb funded', 'ccg funded',
      'ccg provided', 'icb provided', 'from the ccg', 'from the icb', 'via ccg', 'via icb']],
    ['icb-enhanced', ['enhanced', 'icb enhanced', 'optional', 'icb optional']],
    ['practice-owned', ['practice', 'practice owned', 'practice funded', 'local', 'self funded', 'own', 'us', 'in house', 'surgery']],
    ['supplier-managed', ['supplier', 'vendor', 'third party', '3rd party', 'managed service', 'hosted', 'supplier hosted']],
    ['pcn-shared', ['pcn', 'pcn shared', 'pcn funded', 'primary care network', 'federation', 'arrs']],
  ],
  contains: [
    ['icb-enhanced', ['enhanced']],
    ['pcn-shared', ['pcn', 'primary care network', 'federation']],
    ['icb-core', ['icb', 'ccg', 'csu', 'core', 'mandated', 'gp it']],
    ['national', ['national', 'nationally', 'nhs england', 'nhse', 'nhs digital']],
    ['supplier-managed', ['supplier', 'vendor', 'third party', '3rd party', 'managed']],
    ['practice-owned', ['practice', 'surgery', 'local', 'self']],
  ],
};

export const CATEGORY_WORDS: WordTable<Category> = {
  options: CATEGORIES,
  whole: [
    ['clinical-system', ['clinical', 'clinical system', 'gp system', 'emr', 'ehr', 'patient record', 'principal clinical system']],
    ['online-consultation', ['oc', 'online consultation', 'video', 'video consultation', 'messaging', 'sms', 'triage', 'econsult']],
    ['telephony', ['phone', 'phones', 'telephone', 'telephony', 'voip', 'cloud telephony']],
    ['identity-access', ['identity', 'access', 'smartcard', 'smartcards', 'authentication', 'login']],
    ['network-infrastructure', ['network', 'infrastructure', 'hardware', 'hscn', 'wifi', 'it', 'desktop', 'gp it', 'server']],
    ['ai-tool', ['ai', 'artificial intelligence', 'scribe', 'ai scribe', 'avt', 'ambient voice']],
    ['other', ['other', 'misc', 'miscellaneous']],
  ],
  contains: [
    ['ai-tool', ['ai', 'artificial intelligence', 'scribe', 'ambient']],
    ['clinical-system', ['clinical system', 'gp system', 'patient record', 'emr', 'ehr']],
    ['online-consultation', ['consultation', 'consulting', 'messaging', 'sms', 'triage', 'video']],
    ['telephony', ['telephony', 'phone', 'phones', 'telephone', 'voip']],
    ['document-management', ['document', 'documents', 'docman', 'workflow', 'scanning']],
    ['prescribing', ['prescribing', 'prescription', 'prescriptions', 'eps', 'medicines']],
    ['referrals', ['referral', 'referrals', 'ers']],
    ['records-sharing', ['sharing', 'shared care', 'gp connect', 'interoperability', 'integration']],
    ['patient-facing', ['patient facing', 'website', 'patient app', 'nhs app', 'app']],
    ['communication', ['email', 'communication', 'communications', 'collaboration', 'teams', 'office', 'nhsmail']],
    ['identity-access', ['identity', 'smartcard', 'smartcards', 'authentication', 'access']],
    ['network-infrastructure', ['network', 'infrastructure', 'hardware', 'hscn', 'wifi', 'desktop', 'server']],
    ['reporting', ['reporting', 'reports', 'report', 'searches', 'search', 'analytics', 'audit', 'data quality']],
    ['local-automation', ['automation', 'automations', 'template', 'templates', 'rpa', 'macro', 'power automate', 'local']],
    ['clinical-system', ['clinical']],
  ],
};

export const LIFECYCLE_WORDS: WordTable<Lifecycle> = {
  options: LIFECYCLES,
  whole: [
    ['live', ['live', 'in use', 'active', 'yes', 'y', 'current', 'in service', 'production', 'used', 'operational', '✓', '✔']],
    ['proposed', ['proposed', 'planned', 'considering', 'future', 'requested', 'procurement']],
    ['trial', ['trial', 'pilot', 'piloting', 'testing', 'evaluation', 'poc', 'proof of concept', 'trialling']],
    ['retiring', ['retiring', 'being replaced', 'decommissioning', 'phasing out', 'to be retired', 'ending', 'sunset']],
    ['retired', ['retired', 'decommissioned', 'no longer used', 'not in use', 'stopped', 'ended', 'no', 'n', 'inactive',
      'discontinued', 'replaced', 'cancelled', '✗', '✘']],
  ],
  contains: [
    ['retiring', ['retiring', 'phasing', 'decommissioning', 'being replaced']],
    ['retired', ['retired', 'decommissioned', 'no longer', 'not in use', 'discontinued']],
    ['trial', ['trial', 'pilot']],
    ['proposed', ['proposed', 'planned']],
    ['live', ['live', 'in use', 'active']],
  ],
};

export const CRITICALITY_WORDS: WordTable<Criticality> = {
  options: CRITICALITIES,
  whole: [
    ['critical', ['critical', 'very high', 'essential', 'vital', 'business critical', 'mission critical', 'highest', 'p1']],
    ['high', ['high', 'h', 'red', 'important', 'p2']],
    ['medium', ['medium', 'm', 'med', 'moderate', 'amber', 'p3']],
    ['low', ['low', 'l', 'green', 'minor', 'p4', 'very low']],
  ],
  contains: [
    ['critical', ['critical', 'essential']],
    ['high', ['high']],
    ['medium', ['medium', 'moderate']],
    ['low', ['low']],
  ],
};

const YES = ['yes', 'y', '✓', '✔', 'true', 'done', 'complete', 'completed', 'in place', 'x', 'approved', 'signed off', 'agreed'];
const NO = ['no', 'n', '✗', '✘', 'false', 'none', 'not done', 'missing', 'outstanding', 'not started', 'unknown', 'not sure',
  'not known', 'to do', 'todo', 'needed', 'required'];
const IN_PROGRESS = ['in progress', 'draft', 'ongoing', 'started', 'underway', 'under way', 'pending', 'wip', 'being done', 'partial'];
const NOT_APPLICABLE = ['n a', 'na', 'not applicable', 'not required', 'exempt', 'not needed', 'nationally provided'];

export const DPIA_WORDS: WordTable<DpiaStatus> = {
  options: DPIA_STATUSES,
  whole: [['complete', YES], ['not-assessed', NO], ['in-progress', IN_PROGRESS], ['not-required', NOT_APPLICABLE]],
  contains: [
    ['not-required', ['not required', 'not applicable', 'not needed']],
    ['in-progress', ['progress', 'draft', 'ongoing', 'pending', 'started']],
    ['not-assessed', ['not done', 'not completed', 'not complete', 'missing', 'outstanding']],
    ['complete', ['yes', 'complete', 'completed', 'done', 'in place', 'approved']],
  ],
};

export const CLINICAL_SAFETY_WORDS: WordTable<ClinicalSafetyStatus> = {
  options: CLINICAL_SAFETY_STATUSES,
  whole: [
    ['complete', [...YES, 'safety case complete', 'compliant']],
    ['not-assessed', NO],
    ['in-progress', IN_PROGRESS],
    ['not-applicable', NOT_APPLICABLE],
  ],
  contains: [
    ['not-applicable', ['not applicable', 'not required', 'not needed', 'out of scope']],
    ['in-progress', ['progress', 'draft', 'ongoing', 'pending', 'started']],
    ['not-assessed', ['not done', 'not completed', 'not complete', 'missing', 'outstanding', 'not assessed']],
    ['complete', ['yes', 'complete', 'completed', 'done', 'in place', 'approved', 'compliant']],
  ],
};

/** One item of a "data processed" cell ("Patient data; staff details"). */
export const DATA_TYPE_WORDS: ReadonlyArray<readonly [DataType, readonly string[]]> = [
  ['none', ['none', 'no personal data', 'no', 'n', 'nil', 'anonymised', 'anonymous', 'no pid', 'not personal', 'non personal']],
  ['special-category', ['special category', 'special', 'health', 'health data', 'clinical', 'clinical data', 'medical', 'sensitive',
    'medical records', 'health records']],
  ['staff', ['staff', 'staff data', 'employee', 'employees', 'hr', 'workforce', 'staff details', 'staff personal data']],
  ['patient-identifiable', ['patient identifiable', 'patient', 'patients', 'pid', 'patient data', 'identifiable', 'personal',
    'personal data', 'patient details', 'demographics', 'yes', 'y', 'pii']],
];

/** The DSPT site's own words ("Standards met", "22/23 Standards Exceeded") and what people type. */
export const SUPPLIER_DSPT_WORDS: WordTable<SupplierDsptStatus> = {
  options: SUPPLIER_DSPT_STATUSES,
  whole: [
    ['met', ['yes', 'y', 'compliant', 'standards met', 'met standards', 'meets standards', 'meets', 'ok', 'pass', 'passed']],
    ['not-met', ['no', 'n', 'non compliant', 'not compliant', 'standards not met', 'fail', 'failed']],
    ['not-checked', ['not checked', 'unknown', 'tbc', 'to check', 'not known', 'n a', 'na']],
    ['not-published', ['not published', 'no publication', 'not on dspt', 'not registered', 'none']],
  ],
  contains: [
    ['not-met', ['not met', 'non compliant', 'not compliant']],
    ['not-published', ['not published', 'not registered']],
    ['not-checked', ['not checked', 'unknown']],
    ['approaching', ['approaching']],
    ['exceeded', ['exceeded', 'exceeds']],
    ['met', ['standards met', 'met', 'compliant']],
  ],
};

/**
 * The ICB annual digital review pack as plain data: headed sections of paragraphs and tables of text
 * cells. The tab renders it as a printable page and `reviewPackSheets` turns it into sheets for the
 * XLSX writer. No HTML anywhere: every string is plain text, escaped by whoever renders it.
 */

export interface ReviewPackTable {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ReviewPackSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table?: ReviewPackTable;
  /** Written on a sheet of its own with this name (the appendix); otherwise on the "Review" sheet. */
  readonly sheet?: string;
}

export interface ReviewPack {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReviewPackSection[];
}

/**
 * The review's headings. Sections 1 to 5 are the subjects the ICB Practice Agreement (GP IT Operating
 * Model) says the ICB's annual review of digital services covers; section 6 adds information
 * governance; Appendix 1 is the Agreement's "Summary of services (per practice)".
 */
export const REVIEW_PACK_HEADINGS = {
  about: 'About this review',
  services: '1. Services in use and performance',
  implementation: '2. Implementation plans',
  training: '3. Training requirements',
  continuity: '4. Business continuity and incident management',
  future: '5. Plans for future delivery',
  governance: '6. Information governance',
  appendix: 'Appendix 1: Summary of services',
} as const;

export const APPENDIX_SHEET = 'Summary of services';

export const APPENDIX_COLUMNS = ['Service', 'Category', 'Provision', 'Supplier', 'Owner', 'Lifecycle', 'Criticality', 'DPIA', 'Last review', 'Next review due'] as const;

export const REVIEW_SCOPE_TEXT =
  'Under the ICB Practice Agreement that comes with the GP IT Operating Model, the ICB formally reviews digital services with each practice at least once a year, '
  + 'covering performance, implementation plans, training requirements, business continuity or incident management arrangements, and plans for future delivery. '
  + 'Sections 1 to 5 follow those subjects, section 6 covers information governance, and Appendix 1 is the summary of services.';

export const REVIEW_LIMITS_TEXT =
  'What the register cannot show: incidents already closed (only open incidents are read, so ask the practice about incidents in the last 12 months), '
  + "whether a named owner has left the practice (the network cannot see the practice's team), and the practice's change records and checklists.";

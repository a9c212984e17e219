/**
 * Turning one spreadsheet row (text cells keyed by field) into a register entry for the import
 * preview, with every problem the user should see before anything is written.
 *
 * Nothing is guessed silently: a cell that cannot be read keeps the field's default and adds a
 * problem naming the cell's text. Blank cells take the defaults of a new entry (live, medium,
 * practice-owned, reviewed every 12 months) without a problem. The finished entry is then checked
 * with `validateEntry`, so an imported row obeys exactly the rules of the add form (names over 255
 * characters, non-https links, future "last reviewed" dates…).
 *
 * Owner and deputy stay null on the entry: they are directory people, matched afterwards from the
 * returned hints (by email first, then by name with the user confirming).
 */
import {
  emptyEntry,
  type LocalDate,
  type Option,
  type RegisterEntry,
} from '../entry';
import { validateEntry } from '../validation';
import {
  CATEGORY_WORDS,
  CLINICAL_SAFETY_WORDS,
  CRITICALITY_WORDS,
  DPIA_WORDS,
  LIFECYCLE_WORDS,
  PROVISION_WORDS,
  codeFromWords,
  type WordTable,
} from './choiceWords';
import { cleanText, readDataTypes, readIntervalMonths, readPerson, type PersonHint } from './cellValues';
import { parseUkDate } from './dateParsing';
import { IMPORT_FIELD_LABELS, type ImportCells, type ImportField } from './importFields';

export type { PersonHint } from './cellValues';

export interface RowProblem {
  readonly field: ImportField;
  /** Plain English, naming the field and the cell's text. */
  readonly message: string;
}

export interface ParsedRow {
  readonly entry: RegisterEntry;
  readonly problems: RowProblem[];
  readonly ownerHint: PersonHint | null;
  readonly deputyHint: PersonHint | null;
}

type SingleLineField = 'title' | 'supplier' | 'supportPhone' | 'supportEmail' | 'supportUrl' | 'supportHours' | 'supportReference'
  | 'lastReviewedBy';
type MultiLineField = 'purpose' | 'accessGranted' | 'accessReviewed' | 'accessRemoved' | 'downtimeProcess' | 'notes';
type DateField = 'dpiaDate' | 'lastAccessReview' | 'continuityLastTested' | 'lastReviewedOn' | 'nextReviewDue';

const SINGLE_LINE: readonly SingleLineField[] = ['title', 'supplier', 'supportPhone', 'supportEmail', 'supportUrl', 'supportHours',
  'supportReference', 'lastReviewedBy'];
const MULTI_LINE: readonly MultiLineField[] = ['purpose', 'accessGranted', 'accessReviewed', 'accessRemoved', 'downtimeProcess', 'notes'];
const DATES: readonly DateField[] = ['dpiaDate', 'lastAccessReview', 'continuityLastTested', 'lastReviewedOn', 'nextReviewDue'];

function choice<Code extends string>(
  table: WordTable<Code>,
  cell: string,
  fallback: Code,
  field: ImportField,
  problems: RowProblem[],
): Code {
  const text = cleanText(cell, false);
  if (text === '') return fallback;
  const code = codeFromWords(table, text);
  if (code !== null) return code;
  const labels = (table.options as ReadonlyArray<Option<Code>>).map((option) => option.label).join('; ');
  problems.push({ field, message: `${IMPORT_FIELD_LABELS[field]} "${text}" is not one we recognise. Choose one of: ${labels}.` });
  return fallback;
}

/** "www.supplier.co.uk/help" is a web address typed without its scheme: read it as https. */
function withHttps(url: string): string {
  return /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$))/i.test(url) && !url.includes('@') && !/\s/.test(url) ? `https://${url}` : url;
}

/** "Yes, 01/03/2024" or a bare date in the DPIA column: a DPIA completed on that date. */
function dpiaDateInStatus(text: string, today: LocalDate): LocalDate | null {
  const whole = parseUkDate(text, today);
  if (whole.ok && whole.date !== null) return whole.date;
  const inner = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0];
  const parsed = inner === undefined ? null : parseUkDate(inner, today);
  return parsed?.ok ? parsed.date : null;
}

/**
 * @param cells the row's text cells keyed by the field each column was mapped to; absent fields are blank.
 * @param today the London date now: "last reviewed" style dates may not be after it, and two-digit
 *   years are placed in the right century.
 */
export function parseImportRow(cells: ImportCells, today: LocalDate): ParsedRow {
  const cell = (field: ImportField): string => cells[field] ?? '';
  const problems: RowProblem[] = [];
  const base = emptyEntry();
  const text = {} as Record<SingleLineField | MultiLineField, string>;
  for (const field of SINGLE_LINE) text[field] = cleanText(cell(field), false);
  for (const field of MULTI_LINE) text[field] = cleanText(cell(field), true);
  text.supportUrl = withHttps(text.supportUrl);
  if (/^[1-9]\d{9}$/.test(text.supportPhone)) {
    problems.push({
      field: 'supportPhone',
      message: `Support phone "${text.supportPhone}" looks like a number that lost its leading 0 in Excel. Check it (0${text.supportPhone}?).`,
    });
  }

  const dates = {} as Record<DateField, LocalDate | null>;
  for (const field of DATES) {
    const parsed = parseUkDate(cell(field), today);
    dates[field] = parsed.ok ? parsed.date : null;
    if (!parsed.ok) problems.push({ field, message: `${IMPORT_FIELD_LABELS[field]}: ${parsed.message}` });
  }

  const dpiaText = cleanText(cell('dpiaStatus'), false);
  const dpiaDate = dpiaText === '' ? null : dpiaDateInStatus(dpiaText, today);
  const dpiaStatus = dpiaDate !== null && codeFromWords(DPIA_WORDS, dpiaText) === null
    ? 'complete'
    : choice(DPIA_WORDS, dpiaText, base.dpiaStatus, 'dpiaStatus', problems);
  if (dates.dpiaDate === null && dpiaDate !== null && dpiaStatus === 'complete') dates.dpiaDate = dpiaDate;

  const dataTypes = readDataTypes(cell('dataTypes'));
  if (dataTypes.problem !== undefined) problems.push({ field: 'dataTypes', message: dataTypes.problem });
  const interval = readIntervalMonths(cell('reviewIntervalMonths'));
  if (interval.problem !== undefined) problems.push({ field: 'reviewIntervalMonths', message: interval.problem });
  const owner = readPerson(cell('owner'), cell('ownerEmail'), 'owner');
  if (owner.problem !== undefined) problems.push({ field: 'ownerEmail', message: owner.problem });
  const deputy = readPerson(cell('deputy'), cell('deputyEmail'), 'deputy');
  if (deputy.problem !== undefined) problems.push({ field: 'deputyEmail', message: deputy.problem });

  const entry: RegisterEntry = {
    ...base,
    ...text,
    ...dates,
    category: choice(CATEGORY_WORDS, cell('category'), base.category, 'category', problems),
    provision: choice(PROVISION_WORDS, cell('provision'), base.provision, 'provision', problems),
    dataTypes: dataTypes.value,
    dpiaStatus,
    clinicalSafetyStatus: choice(CLINICAL_SAFETY_WORDS, cell('clinicalSafetyStatus'), base.clinicalSafetyStatus, 'clinicalSafetyStatus', problems),
    lifecycle: choice(LIFECYCLE_WORDS, cell('lifecycle'), base.lifecycle, 'lifecycle', problems),
    criticality: choice(CRITICALITY_WORDS, cell('criticality'), base.criticality, 'criticality', problems),
    reviewIntervalMonths: interval.value ?? base.reviewIntervalMonths,
  };

  // The add form's rules, for fields this parser has not already complained about.
  const reported = new Set(problems.map((problem) => problem.field));
  for (const [field, message] of Object.entries(validateEntry(entry, today))) {
    if (message !== undefined && !reported.has(field as ImportField)) problems.push({ field: field as ImportField, message });
  }
  return { entry, problems, ownerHint: owner.value, deputyHint: deputy.value };
}

export interface DuplicateTitle {
  /** Position of the row in `newTitles`. */
  readonly index: number;
  readonly title: string;
  /** 'existing': already in the register; 'earlier-row': repeats a row higher up in the file. */
  readonly kind: 'existing' | 'earlier-row';
  /** The register title it matches, or the earlier row's title. */
  readonly matches: string;
  /** For 'earlier-row', that row's position in `newTitles`. */
  readonly matchIndex?: number;
}

/** How titles compare for duplicates: ignoring case and all spacing ("Systm One" = "SystmOne"). */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * @returns one item per new title that repeats an existing entry or an earlier row (blank titles
 *   are ignored: they are reported as missing names instead), in row order.
 */
export function findDuplicates(newTitles: readonly string[], existingTitles: readonly string[]): DuplicateTitle[] {
  const existing = new Map<string, string>();
  for (const title of existingTitles) if (!existing.has(titleKey(title))) existing.set(titleKey(title), title);
  const seen = new Map<string, number>();
  const duplicates: DuplicateTitle[] = [];
  newTitles.forEach((title, index) => {
    const key = titleKey(title);
    if (key === '') return;
    const inRegister = existing.get(key);
    const earlier = seen.get(key);
    if (inRegister !== undefined) duplicates.push({ index, title, kind: 'existing', matches: inRegister });
    else if (earlier !== undefined) {
      duplicates.push({ index, title, kind: 'earlier-row', matches: newTitles[earlier] ?? '', matchIndex: earlier });
    }
    if (earlier === undefined) seen.set(key, index);
  });
  return duplicates;
}

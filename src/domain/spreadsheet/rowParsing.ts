/**
 * Turning one spreadsheet row (text cells keyed by field) into a register entry for the import
 * preview, with every problem the user should see before anything is written.
 *
 * A row is refused only when it has no name. Nothing else is refused and nothing is dropped: a cell
 * that cannot be read as its field (a year-only date, an unknown provision, a helpdesk cell of free
 * text in the phone column) leaves the field at its default, and its text is kept in the entry's
 * Notes ("Continuity last tested: 2022") with a warning. Details added to an answer ("Yes (call
 * recordings)") keep the answer in the field and the details in Notes. A cell longer than its field
 * holds is cut there and kept in full in Notes. Blank cells take the defaults of a new entry (live,
 * medium, practice-owned, reviewed every 12 months) without a problem. The finished entry obeys
 * the add form's rules (`validateEntry`): anything still breaking one is moved to Notes the same way.
 *
 * Owner and deputy stay null on the entry: they are directory people, matched afterwards from the
 * returned hints (by email first, then by name with the user confirming); a person no one matches
 * is kept in Notes then (see importDecisions.ts).
 */
import { migrateDowntimeText } from '../downtime';
import { emptyEntry, type LocalDate, type RegisterEntry } from '../entry';
import { REGISTER_SCHEMA, type FieldType } from '../schema';
import { MULTI_LINE_MAX, validateEntry } from '../validation';
import { cleanText, readDataTypes, readPerson, type PersonHint } from './cellValues';
import { CATEGORY_WORDS, CLINICAL_SAFETY_WORDS, CRITICALITY_WORDS, LIFECYCLE_WORDS, PROVISION_WORDS, SUPPLIER_DSPT_WORDS, type WordTable } from './choiceWords';
import { readContacts, readDpia } from './cellReaders';
import { readAccessInterval, readAdminRights, readTrainingLink } from './entryFieldCells';
import { IMPORT_FIELD_LABELS, type ImportCells, type ImportField } from './importFields';
import { readPlainCells } from './plainCells';
import { RowBuilder, type Landing, type RowProblem } from './rowBuilder';

export type { PersonHint } from './cellValues';
export type { Landing, RowProblem } from './rowBuilder';
export { findDuplicates, titleKey, type DuplicateTitle } from './duplicates';

export interface ParsedRow {
  readonly entry: RegisterEntry;
  readonly problems: RowProblem[];
  readonly ownerHint: PersonHint | null;
  readonly deputyHint: PersonHint | null;
  /** Where each non-blank cell went, by field (absent: the cell was blank or the field not mapped). */
  readonly landed: Partial<Record<ImportField, Landing>>;
}

export interface RowContext {
  /** Names one cell in messages: "row 7, column D (“Supplier”)". */
  readonly where?: (field: ImportField) => string;
  /** Cells of further columns the user sent to Notes, each labelled with its column's header. */
  readonly extraNotes?: ReadonlyArray<{ readonly label: string; readonly text: string }>;
}

/**
 * The register's fields with readers of their own: people (matched later from hints), the support
 * contacts (one free-text cell can fill three fields), the DPIA answer (it may carry the date), the
 * kinds of data, the access review cycle ("not reviewed"), admin rights, the training link, and the
 * lists that name other entries (kept in Notes to link later). Every other field is read by its kind.
 */
const OWN_READERS: ReadonlySet<keyof RegisterEntry> = new Set<keyof RegisterEntry>([
  'owner', 'deputy', 'supportPhone', 'supportEmail', 'supportUrl', 'dpiaStatus', 'dataTypes', 'accessReviewIntervalMonths',
  'adminRights', 'trainingLink', 'dependsOn', 'goLiveWaivers', 'notes',
]);
const PLAIN_ROWS = REGISTER_SCHEMA.rows.filter((row) => !OWN_READERS.has(row.key));

/** Words practices use for the register's choices, beyond the options' own labels. */
const CHOICE_WORDS: Readonly<Partial<Record<ImportField, WordTable<string>>>> = {
  category: CATEGORY_WORDS, provision: PROVISION_WORDS, clinicalSafetyStatus: CLINICAL_SAFETY_WORDS, lifecycle: LIFECYCLE_WORDS,
  criticality: CRITICALITY_WORDS, supplierDsptStatus: SUPPLIER_DSPT_WORDS,
};

/** A next review due that is not after the last review is left empty (the interval decides it) and kept in Notes. */
function nextReviewAfterLast(dates: Partial<RegisterEntry>, cell: (field: ImportField) => string, b: RowBuilder): Partial<RegisterEntry> {
  const { lastReviewedOn, nextReviewDue } = dates;
  if (!lastReviewedOn || !nextReviewDue || nextReviewDue > lastReviewedOn) return dates;
  const raw = cleanText(cell('nextReviewDue'), false);
  b.keep('nextReviewDue', raw);
  b.warn('nextReviewDue', `Next review due "${raw}" is not after the last review, so it is left empty and kept in Notes.`);
  return { ...dates, nextReviewDue: null };
}

function readPeople(cell: (field: ImportField) => string, b: RowBuilder): { owner: PersonHint | null; deputy: PersonHint | null } {
  const people = { owner: null as PersonHint | null, deputy: null as PersonHint | null };
  for (const [role, emailField] of [['owner', 'ownerEmail'], ['deputy', 'deputyEmail']] as const) {
    // "Priya Shah / Tom Reed": the first person is matched, and the whole text is kept.
    const named = cleanText(cell(role), false);
    const parts = named.split(/[;/&\n]|\band\b/i).map((part) => part.trim()).filter((part) => part !== '');
    const read = readPerson(parts.length > 1 ? (parts[0] as string) : named, cell(emailField), role);
    if (parts.length > 1) {
      b.keep(role, named);
      b.warn(role, `${IMPORT_FIELD_LABELS[role]} "${named}" names more than one person: the first is matched, and the whole text is kept in Notes.`);
    }
    if (named !== '') b.mark(role, 'field');
    if (cleanText(cell(emailField), false) !== '') b.mark(emailField, 'field');
    if (read.problem !== undefined) {
      b.keep(emailField, cleanText(cell(emailField), false));
      b.warn(emailField, `${read.problem} It is kept in Notes.`);
    }
    people[role] = read.value;
  }
  return people;
}

function readData(cell: string, b: RowBuilder): RegisterEntry['dataTypes'] {
  const raw = cleanText(cell, false);
  if (raw === '') return [];
  // "Yes (call recordings)": the answer is read, the details are kept.
  const details = [...raw.matchAll(/[([]([^)\]]*)[)\]]/g)].map((m) => (m[1] as string).trim()).filter((text) => text !== '');
  let read = readDataTypes(raw.replace(/[([][^)\]]*[)\]]/g, ' '));
  // "Yes - call recordings": the answer before the dash, the details after it (commas separate kinds, so only a dash counts).
  const dashed = read.problem === undefined ? null : /^(.+?)\s[-–—]\s*(.+)$/.exec(raw);
  if (dashed && readDataTypes(dashed[1] as string).problem === undefined) {
    read = readDataTypes(dashed[1] as string);
    details.push((dashed[2] as string).trim());
  }
  let codes = read.value;
  if (codes.includes('none') && codes.length > 1) {
    codes = codes.filter((code) => code !== 'none');
    b.keep('dataTypes', raw);
    b.warn('dataTypes', `Data processed "${raw}" says both "no personal data" and some; the kinds named are used and the text is kept in Notes.`);
  } else if (read.problem !== undefined) {
    b.keep('dataTypes', raw);
    b.warn('dataTypes', `${read.problem} The text is kept in Notes.`);
  } else if (details.length > 0) {
    b.keep('dataTypes', details.join('; '));
  }
  // "N/A" reads as no kinds at all, which is still the cell read into the field.
  if (codes.length > 0 || read.problem === undefined) b.mark('dataTypes', 'field');
  return codes;
}

/**
 * "Depends on" and "Go-live waivers" name other entries and people the import cannot link on its
 * own: the text is kept in Notes, labelled, so the dependencies editor (or a person) can link it.
 */
function keepListsInNotes(cell: (field: ImportField) => string, b: RowBuilder): void {
  for (const field of ['dependsOn', 'goLiveWaivers'] as const) {
    const text = cleanText(cell(field), false);
    if (text === '') continue;
    b.keep(field, text);
    b.warn(field, `${IMPORT_FIELD_LABELS[field]} "${text}" is kept in Notes: link it in the entry after the import.`);
  }
}

/**
 * @param cells the row's text cells keyed by the field each column was mapped to; absent fields are blank.
 * @param today the London date now: "last reviewed" style dates may not be after it, and two-digit
 *   years are placed in the right century.
 */
export function parseImportRow(cells: ImportCells, today: LocalDate, context: RowContext = {}): ParsedRow {
  const cell = (field: ImportField): string => cells[field] ?? '';
  const where = context.where ?? ((field: ImportField) => `the ${IMPORT_FIELD_LABELS[field]} cell`);
  const b = new RowBuilder();
  const base = emptyEntry();

  const plain = (kinds: readonly FieldType[]) => readPlainCells(PLAIN_ROWS.filter((row) => kinds.includes(row.kind.type)),
    { cell, where, builder: b, today, defaults: base, choiceWords: CHOICE_WORDS });
  const text = plain(['text', 'note']);
  if (text.title === '') b.warn('title', 'Enter the service name');
  keepListsInNotes(cell, b);
  const contacts = readContacts(cell, b);
  const dates = nextReviewAfterLast(plain(['date']), cell, b);
  const dpia = readDpia(cleanText(cell('dpiaStatus'), false), today, b);
  const people = readPeople(cell, b);
  const choices = plain(['choice', 'months', 'number']);

  // A single "if it goes down" column is sorted into the structured fields by its labels, as on every read.
  const entry: RegisterEntry = migrateDowntimeText({
    ...base,
    ...text,
    ...contacts,
    ...dates,
    // "Yes - 12/01/2024" in the DPIA column gives the date when no DPIA date column does.
    dpiaDate: dates.dpiaDate ?? dpia.date,
    ...choices,
    dataTypes: readData(cell('dataTypes'), b),
    dpiaStatus: dpia.status,
    accessReviewIntervalMonths: readAccessInterval(cell('accessReviewIntervalMonths'), b) ?? base.accessReviewIntervalMonths,
    adminRights: readAdminRights(cell('adminRights'), today, b),
    trainingLink: readTrainingLink(cell('trainingLink'), b),
  });

  // The add form's rules, for anything the readers above let through: moved to Notes, not refused.
  const reported = new Set(b.problems.map((problem) => problem.field));
  const fixed: Record<string, unknown> = { ...entry };
  for (const [field, message] of Object.entries(validateEntry(entry, today))) {
    const key = field as keyof RegisterEntry;
    if (message === undefined || reported.has(key) || key === 'title' || key === 'notes') continue;
    fixed[key] = base[key];
    b.keep(key, cleanText(cell(key), false) || String(entry[key]));
    b.warn(key, `${message}. The text is kept in Notes.`);
  }

  const notesCell = cleanText(cell('notes'), true);
  if (notesCell !== '') b.mark('notes', 'field');
  const lines = [notesCell, ...(context.extraNotes ?? []).map((extra) => `${extra.label}: ${cleanText(extra.text, true)}`), ...b.notes];
  let notes = lines.filter((line) => line !== '').join('\n');
  if (notes.length > MULTI_LINE_MAX) {
    b.warn('notes', `Notes would hold ${notes.length.toLocaleString('en-GB')} characters with the text kept from other cells; only the first ${MULTI_LINE_MAX.toLocaleString('en-GB')} fit, the rest is in the file.`);
    notes = notes.slice(0, MULTI_LINE_MAX);
  }
  return { entry: { ...(fixed as unknown as RegisterEntry), notes }, problems: b.problems, ownerHint: people.owner, deputyHint: people.deputy, landed: b.landed };
}

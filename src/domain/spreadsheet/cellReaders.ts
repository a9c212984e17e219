/**
 * Readers for the kinds of cell a row holds (long text, contacts, choices, the DPIA answer). Each
 * returns the field's value and tells the row's builder where the cell went and what to warn about;
 * text that does not fit its field is kept in Notes, never dropped (see rowParsing.ts).
 */
import type { LocalDate, Option } from '../entry';
import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from '../contactFormats';
import { SINGLE_LINE_MAX } from '../validation';
import { cleanText } from './cellValues';
import { DPIA_WORDS, codeFromWholeWords, codeFromWords, type WordTable } from './choiceWords';
import { contactParts, withHttps } from './contactText';
import { parseUkDate } from './dateParsing';
import { IMPORT_FIELD_LABELS, type ImportField } from './importFields';
import { sentenceStart, splitDetails, type RowBuilder } from './rowBuilder';

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * Text that fits its field goes in; longer text is cut to what the field holds (255 characters on
 * one line, as SharePoint's single-line columns; 10,000 for the long ones), and a one-line field's
 * whole text is kept in Notes. The warning names the row and column so the user can find the cell.
 */
export function readLongText<F extends string>(field: F, text: string, max: number, where: (field: F) => string, b: RowBuilder<F>): string {
  if (text === '') return '';
  const label = b.label(field);
  if (text.length <= max) {
    b.mark(field, 'field');
    return text;
  }
  b.mark(field, 'field');
  if (max === SINGLE_LINE_MAX) {
    b.keep(field, text, `${label} (in full)`);
    b.warn(field, `${sentenceStart(where(field))} has ${count(text.length)} characters; ${label} holds ${count(max)}, so it is cut short there and the whole text is kept in Notes.`);
  } else {
    b.warn(field, `${sentenceStart(where(field))} has ${count(text.length)} characters; ${label} holds ${count(max)}, so only the first ${count(max)} are imported.`);
  }
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

type ContactField = 'supportPhone' | 'supportEmail' | 'supportUrl';
const CONTACT_KIND: Readonly<Record<ContactField, { part: 'phone' | 'email' | 'url'; noun: string }>> = {
  supportPhone: { part: 'phone', noun: 'a phone number' },
  supportEmail: { part: 'email', noun: 'an email address' },
  supportUrl: { part: 'url', noun: 'a web address starting with https://' },
};

function wholeValue(field: ContactField, text: string): string | null {
  if (field === 'supportPhone') return isPhoneNumber(text) ? text : null;
  if (field === 'supportEmail') return isPlausibleEmail(text) ? text : null;
  return safeHttpsUrl(withHttps(text)) === null ? null : withHttps(text);
}

/**
 * The support phone, email and portal, from their own columns and from a free-text "Support
 * contact" column: a contact cell is kept in Notes, and the phone, email and https address found in
 * it (or in a phone/email/portal cell with other words) fill those fields when their own are empty.
 */
export function readContacts(cell: (field: ImportField) => string, b: RowBuilder): Record<ContactField, string> {
  const values: Record<ContactField, string> = { supportPhone: '', supportEmail: '', supportUrl: '' };
  const fill = (source: ImportField, parts: ReturnType<typeof contactParts>): void => {
    for (const field of Object.keys(CONTACT_KIND) as ContactField[]) {
      const found = parts[CONTACT_KIND[field].part];
      if (found !== undefined && values[field] === '') {
        values[field] = found;
        b.mark(source, 'field');
      }
    }
  };
  for (const field of Object.keys(CONTACT_KIND) as ContactField[]) {
    const text = cleanText(cell(field), false);
    if (text === '') continue;
    const whole = wholeValue(field, text);
    if (whole !== null) {
      values[field] = whole;
      b.mark(field, 'field');
      if (field === 'supportPhone' && /^[1-9]\d{9}$/.test(text)) {
        b.warn(field, `Support phone "${text}" looks like a number that lost its leading 0 in Excel. Check it (0${text}?).`);
      }
      continue;
    }
    const parts = contactParts(text);
    fill(field, parts);
    if (parts[CONTACT_KIND[field].part] === undefined) {
      b.warn(field, `${IMPORT_FIELD_LABELS[field]} "${text}" is not ${CONTACT_KIND[field].noun}, so it is kept in Notes.`);
    }
    if (parts.rest !== '' || parts[CONTACT_KIND[field].part] === undefined) b.keep(field, text);
  }
  const contact = cleanText(cell('supportContact'), false);
  if (contact !== '') {
    const parts = contactParts(contact);
    fill('supportContact', parts);
    if (parts.rest !== '') b.keep('supportContact', contact);
  }
  return values;
}

/**
 * A choice cell: an exact answer ("ICB-provided (core/mandated)", "CCG"); an answer with details
 * ("Yes (call recordings)": the answer read, the details kept in Notes); an answer found among other
 * words ("CCG funded"); or, when none of those, the default with the text kept and a warning.
 */
export function readChoice<Code extends string, F extends string>(table: WordTable<Code>, field: F, text: string, fallback: Code, b: RowBuilder<F>): Code {
  if (text === '') return fallback;
  const exact = codeFromWholeWords(table, text);
  if (exact !== null) {
    b.mark(field, 'field');
    return exact;
  }
  const split = splitDetails(text);
  const head = split === null ? null : codeFromWholeWords(table, split.head) ?? codeFromWords(table, split.head);
  if (split !== null && head !== null) {
    b.mark(field, 'field');
    b.keep(field, split.details);
    return head;
  }
  const found = codeFromWords(table, text);
  if (found !== null) {
    b.mark(field, 'field');
    return found;
  }
  const labels = (table.options as ReadonlyArray<Option<Code>>).map((option) => option.label);
  const fallbackLabel = table.options.find((option) => option.code === fallback)?.label ?? fallback;
  b.keep(field, text);
  b.warn(field, `${b.label(field)} "${text}" is not one we recognise, so it is left as ${fallbackLabel} and the text is kept in Notes. Choose one of: ${labels.join('; ')}.`);
  return fallback;
}

/** "Yes, 01/03/2024" or a bare date in the DPIA column: a DPIA completed on that date. */
function dateIn(text: string, today: LocalDate): LocalDate | null {
  const whole = parseUkDate(text, today);
  if (whole.ok && whole.date !== null) return whole.date;
  const inner = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0];
  const parsed = inner === undefined ? null : parseUkDate(inner, today);
  return parsed?.ok && parsed.date !== null && parsed.date <= today ? parsed.date : null;
}

/** The DPIA answer, and the date when the cell gives one ("Yes - 12/01/2024", or just "12/01/2024"). */
export function readDpia(text: string, today: LocalDate, b: RowBuilder): { status: (typeof DPIA_WORDS.options)[number]['code']; date: LocalDate | null } {
  if (text === '') return { status: 'not-assessed', date: null };
  const date = dateIn(text, today);
  const split = splitDetails(text);
  const detailsAreTheDate = split !== null && date !== null && dateIn(split.details, today) === date;
  if (date !== null && (codeFromWords(DPIA_WORDS, text) === null || detailsAreTheDate)) {
    const head = split === null ? null : codeFromWholeWords(DPIA_WORDS, split.head);
    b.mark('dpiaStatus', 'field');
    return { status: head ?? 'complete', date };
  }
  return { status: readChoice(DPIA_WORDS, 'dpiaStatus', text, 'not-assessed', b), date: null };
}

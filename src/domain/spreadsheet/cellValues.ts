/**
 * Reading single spreadsheet cells into register values: text, people, data types, review intervals.
 * Each reader returns the value and, when the cell could not be read as typed, a plain-English reason.
 */
import { DATA_TYPES, type DataType } from '../entry';
import { isPlausibleEmail } from '../contactFormats';
import { DATA_TYPE_WORDS } from './choiceWords';
import { restoreNeutralisedCell } from './cellSafety';
import { normaliseWords } from './importFields';

export interface Read<T> {
  readonly value: T;
  readonly problem?: string;
}

/**
 * A cell's text as the register should hold it: the `'` our own export adds is removed, control
 * characters (other than line breaks, when `multiLine`) are dropped, and surrounding space trimmed.
 * Single-line fields have inner runs of whitespace (including line breaks) collapsed to one space.
 */
export function cleanText(raw: string, multiLine: boolean): string {
  const text = restoreNeutralisedCell(raw.trim()).replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  const withoutControls = text.replace(multiLine ? /[\u0000-\u0009\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g, (c) =>
    c === '\t' || (!multiLine && c === '\n') ? ' ' : '',
  );
  return multiLine ? withoutControls.trim() : withoutControls.replace(/\s+/g, ' ').trim();
}

export interface PersonHint {
  readonly email?: string;
  readonly name?: string;
}

const EMAIL_IN_TEXT = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[^\s<>()[\],;:"']+/;

/**
 * "Priya Shah <priya.shah@nhs.net>", "priya.shah@nhs.net", "Priya Shah (Practice Manager)" or a
 * separate email column, as a hint for matching the person in the directory (by email first).
 * @returns null when both cells are empty.
 */
export function readPerson(nameCell: string, emailCell: string, role: string): Read<PersonHint | null> {
  const nameText = cleanText(nameCell, false);
  const emailText = cleanText(emailCell, false);
  let email: string | undefined;
  let problem: string | undefined;
  if (emailText !== '') {
    if (isPlausibleEmail(emailText)) email = emailText.toLowerCase();
    else problem = `The ${role}'s email "${emailText}" is not an email address.`;
  }
  const found = EMAIL_IN_TEXT.exec(nameText)?.[0];
  if (email === undefined && found !== undefined && isPlausibleEmail(found)) email = found.toLowerCase();
  const name = (found === undefined ? nameText : nameText.replace(found, ''))
    .replace(/\([^)]*\)|<\s*>|[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
  if (email === undefined && name === '') return problem === undefined ? { value: null } : { value: null, problem };
  const hint: PersonHint = { ...(email === undefined ? {} : { email }), ...(name === '' ? {} : { name }) };
  return problem === undefined ? { value: hint } : { value: hint, problem };
}

/** "Patient data; staff" -> ['patient-identifiable', 'staff']; unrecognised parts are reported, not guessed. */
export function readDataTypes(cell: string): Read<DataType[]> {
  if (['n a', 'na', 'not applicable', 'not known', 'unknown', 'tbc'].includes(normaliseWords(cell))) return { value: [] };
  const parts = cleanText(cell, false)
    .split(/[;,/|+\n]|\band\b|&/i)
    .map((part) => normaliseWords(part))
    .filter((part) => part !== '');
  const codes: DataType[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const code = DATA_TYPES.find((option) => normaliseWords(option.label) === part || normaliseWords(option.code) === part)?.code
      ?? DATA_TYPE_WORDS.find(([, words]) => words.includes(part))?.[0];
    if (code === undefined) unknown.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown.length === 0) return { value: codes };
  return {
    value: codes,
    problem: `Data processed: "${unknown.join('", "')}" is not one we recognise. Use patient-identifiable, special category (health), staff, or none.`,
  };
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18,
  twenty: 20, thirty: 30,
};

const INTERVAL_WORDS: Readonly<Record<string, number>> = {
  monthly: 1, quarterly: 3, 'every quarter': 3, 'twice a year': 6, 'twice yearly': 6, 'half yearly': 6, 'six monthly': 6,
  'bi annually': 6, 'bi annual': 6, biannually: 6, biannual: 6, 'semi annually': 6, 'semi annual': 6,
  annually: 12, annual: 12, yearly: 12, 'every year': 12, 'once a year': 12, year: 12,
  biennially: 24, biennial: 24, 'every other year': 24,
};

/** What an interval is called in its problems, and the range it allows (the review interval's by default). */
export interface IntervalAbout {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

const REVIEW_INTERVAL: IntervalAbout = { label: 'Review interval', min: 1, max: 36 };

/** "12", "12 months", "annually", "6-monthly", "2 years" -> whole months; null when blank. */
export function readIntervalMonths(cell: string, about: IntervalAbout = REVIEW_INTERVAL): Read<number | null> {
  const words = normaliseWords(cell);
  if (words === '') return { value: null };
  const named = INTERVAL_WORDS[words];
  if (named !== undefined) return { value: named };
  const m = /^(?:every )?(\d+(?:\.\d+)?|[a-z]+) ?(months?|monthly|mths?|m|years?|yearly|yrs?|y|weeks?)?$/.exec(words);
  const amount = m ? (/^\d/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS[m[1] as string]) : undefined;
  if (m && amount !== undefined) {
    const unit = m[2] ?? 'months';
    if (unit.startsWith('w')) return { value: null, problem: `A ${about.label.toLowerCase()} of "${cell.trim()}" is too short; give it in months (${about.min} to ${about.max}).` };
    const months = unit.startsWith('y') ? amount * 12 : amount;
    if (Number.isInteger(months)) return { value: months };
  }
  return { value: null, problem: `${about.label} "${cell.trim()}" is not a number of months, for example 12 or "annually".` };
}

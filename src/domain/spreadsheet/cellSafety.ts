/**
 * Writing register text into spreadsheets without letting it run as a formula (CSV / formula
 * injection, OWASP "CSV Injection"; ASVS 5.0 1.2.10).
 *
 * A cell whose text starts with `=`, `+`, `-`, `@`, tab, CR, LF or NUL is read as a formula by
 * Excel, LibreOffice or Google Sheets. Such text gets a leading `'`, which every one of them shows
 * as text. Two defensive extensions beyond the OWASP list, because spreadsheets trim or
 * reinterpret them:
 * - leading spaces (including no-break and other Unicode spaces) before a trigger: ` =1+1`;
 * - the full-width forms `＝ ＋ － ＠`, which some locales' spreadsheets treat as formula starts.
 *
 * Trade-off (documented, per OWASP): a real "+44 …" phone number or a "- none" note is exported as
 * `'+44 …`. `restoreNeutralisedCell` removes exactly that prefix again when a file is re-imported.
 */

/** Leading whitespace a spreadsheet may skip before it decides the cell is a formula. */
const LEADING_SPACE = '[ \\u00a0\\u1680\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]*';
const TRIGGER_CHARS = '=+\\-@\\t\\r\\n\\u0000\\uff1d\\uff0b\\uff0d\\uff20';

/** Matches text a spreadsheet would treat as a formula (or as the start of one). */
export const FORMULA_TRIGGER = new RegExp(`^${LEADING_SPACE}[${TRIGGER_CHARS}]`);

/** @returns `text` with a leading `'` when it would otherwise be read as a formula; unchanged otherwise. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * The inverse of `neutraliseCell` for text read back from a file: removes one leading `'` only when
 * the rest would have been neutralised, so `'Twas` and `'quoted'` keep their apostrophes.
 */
export function restoreNeutralisedCell(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

export interface CsvOptions {
  /** Start the file with a UTF-8 byte order mark so Excel reads "é" and "–" correctly. Default false. */
  readonly bom?: boolean;
  /** Quote every field, as OWASP suggests, rather than only those that need it. Default false. */
  readonly quoteAll?: boolean;
}

export const UTF8_BOM = '\ufeff';

/**
 * Fields that need quotes under RFC 4180 (comma, quote, CR, LF), plus `;` and tab, which Excel
 * uses as the separator in some locales, and leading or trailing spaces, which some readers trim.
 */
const NEEDS_QUOTES = /[",;\r\n\t]|^\s|\s$/;

/** One field: neutralised first, then quoted (embedded quotes doubled) when needed. */
export function csvField(text: string, quoteAll = false): string {
  const safe = neutraliseCell(text);
  return quoteAll || NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV: every cell neutralised against formula injection, then quoted where needed;
 * records end with CRLF (including the last). An empty `rows` gives an empty file (plus BOM if asked).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map((cell) => csvField(cell, options.quoteAll ?? false)).join(',') + '\r\n').join('');
  return (options.bom ? UTF8_BOM : '') + body;
}

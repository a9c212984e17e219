/**
 * Reading CSV text (RFC 4180, as written by Excel, Google Sheets and `toCsv`) into rows of cells.
 *
 * Tolerant where real files differ from the RFC (LF or CR line ends, a UTF-8 byte order mark, `;`
 * as the separator in some Excel locales, a missing final line end) and strict where guessing would
 * corrupt data: an unclosed quote is reported, not silently joined to the rest of the file.
 */
import { UTF8_BOM } from './cellSafety';

export interface CsvParseResult {
  readonly rows: string[][];
  /** Plain-English problem with the file as a whole, or null when it read cleanly. */
  readonly problem: string | null;
}

export interface CsvParseOptions {
  /** The separator; by default `,` unless the first line has more `;` than `,` outside quotes. */
  readonly delimiter?: ',' | ';' | '\t';
}

/** Counts `char` outside quotes on the first line, to guess the separator. */
function countOnFirstLine(text: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === char) count += 1;
  }
  return count;
}

export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const commas = countOnFirstLine(text, ',');
  const semicolons = countOnFirstLine(text, ';');
  const tabs = countOnFirstLine(text, '\t');
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > commas ? ';' : ',';
}

/**
 * @returns every record as an array of cell texts (quotes removed, `""` turned back into `"`).
 *   Blank lines are dropped. A quote that is never closed gives `problem` and the rows read so far.
 */
export function parseCsv(input: string, options: CsvParseOptions = {}): CsvParseResult {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let quoteOpenedOnLine = 0;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = (): void => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteOpenedOnLine = line;
    } else if (c === delimiter) endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      endRow();
    } else {
      // A stray quote inside an unquoted field is kept as text, as Excel does.
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) {
    return { rows, problem: `The file has a quote (") opened on line ${quoteOpenedOnLine} that is never closed, so it cannot be read reliably.` };
  }
  if (fieldStarted || row.length > 0) endRow();
  return { rows, problem: null };
}

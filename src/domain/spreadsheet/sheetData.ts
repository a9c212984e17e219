/**
 * A spreadsheet as the import sees it, whatever the file type: rows of text cells (sheet order),
 * with the sheet's row numbers kept so every message can say "row 14" as the user sees it in Excel.
 *
 * Limits are stated here so the tab, the command line and the tests agree on them.
 */

/** The most data rows one import reads (a practice register has tens; an ICB file a few thousand). */
export const MAX_IMPORT_ROWS = 10_000;

/** Excel's own limit for one cell; longer text (only possible in CSV) is cut here and the row says so. */
export const MAX_CELL_CHARS = 32_767;

/** How many rows from the top are searched for the header row (titles and notes often sit above it). */
export const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

export interface SheetData {
  /** The sheet's name ('' for CSV). */
  readonly sheetName: string;
  /** Every non-blank row in order, cells as text. */
  readonly rows: readonly SheetRow[];
  /** Things the user should know that are not errors: formulas read as saved values, merged cells filled in, cells cut. */
  readonly notes: readonly string[];
  /**
   * Cells merged across columns, by row number: each covered column holds the merged text. A band
   * directly above the header row groups the headers under it ("Support" over "Phone", "Email").
   */
  readonly bands?: ReadonlyMap<number, readonly string[]>;
}

/**
 * The outcome of reading a file: its rows, or one plain-English reason it cannot be imported
 * (wrong type, damaged, empty, too many rows). Reading never throws for a bad file.
 */
export type SheetRead = { readonly ok: true; readonly sheet: SheetData } | { readonly ok: false; readonly message: string };

/** Cuts an over-long cell, saying so once per file through `notes`. */
export function limitCell(text: string, rowNumber: number, cut: number[]): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  cut.push(rowNumber);
  return text.slice(0, MAX_CELL_CHARS);
}

/** The note for cells cut by `limitCell`, or null when none were. */
export function cutCellsNote(rows: readonly number[]): string | null {
  if (rows.length === 0) return null;
  const list = [...new Set(rows)].slice(0, 10).join(', ');
  return `Some cells were longer than ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters (Excel's limit) and were cut short (rows ${list}${rows.length > 10 ? '…' : ''}).`;
}

/** The message for a file with more data rows than `MAX_IMPORT_ROWS`. */
export function tooManyRowsMessage(count: number): string {
  return `The sheet has ${count.toLocaleString('en-GB')} rows; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}. ` +
    'Split the file and import each part.';
}

/**
 * A short, stable fingerprint of a file's content (53-bit cyrb53 hash of every cell, as base-36),
 * so entry keys are the same every time the same file is imported and differ between files.
 */
export function fingerprintSheet(sheet: SheetData): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const row of sheet.rows) {
    feed(`${row.rowNumber}\u0001`);
    for (const cell of row.cells) feed(`${cell}\u0002`);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The entry key an imported row is created with: the same for the same file and row on every
 * attempt, so a retry after an interruption finds the entries already written instead of
 * duplicating them (see RegisterStore.create).
 */
export function importEntryKey(fingerprint: string, rowNumber: number): string {
  return `import-${fingerprint}-row-${rowNumber}`;
}

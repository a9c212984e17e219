/**
 * What one row's parse collects besides the entry: the lines it keeps for Notes, the warnings the
 * user sees, and where each cell landed, so the import report can account for every non-empty cell.
 */
import { IMPORT_FIELD_LABELS, type ImportField } from './importFields';

export interface RowProblem<F extends string = ImportField> {
  readonly field: F;
  /** Plain English, naming the field and the cell's text. */
  readonly message: string;
}

/** Where a cell went: its own field, the entry's Notes, or both (a field filled and the full text kept). */
export type Landing = 'field' | 'notes' | 'both';

/**
 * @typeParam F the fields a row's cells are keyed by: the register import's by default, any
 *   schema's keys for another record.
 */
export class RowBuilder<F extends string = ImportField> {
  readonly notes: string[] = [];
  readonly problems: Array<RowProblem<F>> = [];
  readonly landed: Partial<Record<F, Landing>> = {};

  /** @param labels what each field is called in Notes and in warnings. */
  constructor(private readonly labels: Readonly<Record<F, string>> = IMPORT_FIELD_LABELS as Readonly<Record<string, string>>) {}

  label(field: F): string {
    return this.labels[field];
  }

  mark(field: F, landing: Landing): void {
    const before = this.landed[field];
    this.landed[field] = before === undefined || before === landing ? landing : 'both';
  }

  /** Keeps `text` in Notes as "Label: text" (the label says which column it came from). */
  keep(field: F, text: string, label: string = this.labels[field]): void {
    const line = `${label}: ${text}`;
    if (!this.notes.includes(line)) this.notes.push(line);
    this.mark(field, 'notes');
  }

  warn(field: F, message: string): void {
    this.problems.push({ field, message });
  }
}

/** "row 7, column D (“Supplier”)" -> "Row 7, column D (“Supplier”)". */
export function sentenceStart(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

/**
 * Splits a choice cell into its answer and the details people add: "Yes (call recordings)",
 * "Yes - 12/01/2024", "Live, since 2019". @returns null when there are no details.
 */
export function splitDetails(text: string): { readonly head: string; readonly details: string } | null {
  const bracket = /^(.+?)\s*[([]\s*(.*?)\s*[)\]]\s*(.*)$/.exec(text);
  if (bracket) {
    const details = [bracket[2], bracket[3]].filter((part) => part !== undefined && part.trim() !== '').join(' ').trim();
    return details === '' ? null : { head: (bracket[1] as string).trim(), details };
  }
  const separated = /^(.+?)(?:\s[-–—]\s*|[,;:]\s*)(.+)$/.exec(text);
  return separated ? { head: (separated[1] as string).trim(), details: (separated[2] as string).trim() } : null;
}

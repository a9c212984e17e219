/**
 * Evidence for the Data Security and Protection Toolkit (DSPT) item 7.1.1 ("the organisation
 * understands the health and care services it provides and the systems it depends on": a register
 * with owners and review dates), and the per-practice summary the ICB asks for in its annual
 * digital review. Both are tables of text for the CSV/XLSX writers.
 */
import { hasDowntimeProcess } from '../downtime';
import { CATEGORIES, CRITICALITIES, LIFECYCLES, PROVISIONS, labelOf, type LocalDate, type RegisterEntry } from '../entry';
import { formatLocalDate } from '../localDate';
import { REVIEW_STATUSES, effectiveNextReviewDue, reviewStatus } from '../reviewStatus';
import { RISK_FLAGS, riskFlags, type RiskFlag } from '../riskFlags';
import { STARTER_CATALOGUE, isInRegister } from '../catalogue/starterCatalogue';
import { fieldText, ukDate } from './registerTable';

export interface EvidenceContext {
  readonly practice: string;
  readonly today: LocalDate;
  /** Entries whose owner has left (by position in `entries`), for the "owner left" flag; none when absent. */
  readonly ownerLeft?: (entry: RegisterEntry) => boolean;
}

/** Rows before the table: what this is, which practice, when. Row 0 is the title. */
function preamble(title: string, context: EvidenceContext, lines: readonly string[]): string[][] {
  return [[title], ['Practice', context.practice], ['Produced on', formatLocalDate(context.today)], ...lines.map((line) => [line]), []];
}

export const DSPT_TITLE = 'DSPT 7.1.1 evidence: register of digital services and systems';

/** @returns the rows, and the index of the table's header row (for bold). */
export function dsptEvidence(entries: readonly RegisterEntry[], context: EvidenceContext): { rows: string[][]; headerRow: number } {
  const head = preamble(DSPT_TITLE, context, [
    'Each service the practice depends on, with its named owner and deputy, how it is provided, the data it processes, and when it was last reviewed and is next due.',
  ]);
  const header = ['Service', 'Category', 'Provision', 'Supplier', 'Lifecycle status', 'Criticality', 'Owner', "Owner's email", 'Deputy',
    "Deputy's email", 'Data processed', 'DPIA status', 'DPIA date', 'Downtime process written', 'Last reviewed on', 'Last reviewed by',
    'Next review due', 'Review status'];
  const rows = [...entries]
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }))
    .map((entry) => [
      entry.title, fieldText(entry, 'category'), fieldText(entry, 'provision'), entry.supplier, fieldText(entry, 'lifecycle'),
      fieldText(entry, 'criticality'), fieldText(entry, 'owner'), fieldText(entry, 'ownerEmail'), fieldText(entry, 'deputy'),
      fieldText(entry, 'deputyEmail'), fieldText(entry, 'dataTypes'), fieldText(entry, 'dpiaStatus'), ukDate(entry.dpiaDate),
      hasDowntimeProcess(entry) ? 'Yes' : 'No', ukDate(entry.lastReviewedOn), entry.lastReviewedBy,
      ukDate(effectiveNextReviewDue(entry)), labelOf(REVIEW_STATUSES, reviewStatus(entry, context.today)),
    ]);
  return { rows: [...head, header, ...rows], headerRow: head.length };
}

function countBy<Code extends string>(entries: readonly RegisterEntry[], options: ReadonlyArray<{ code: Code; label: string }>, of: (entry: RegisterEntry) => Code): string[][] {
  return options.map((option) => [option.label, String(entries.filter((entry) => of(entry) === option.code).length)]);
}

export const ICB_SUMMARY_TITLE = 'Digital services summary for the ICB annual digital review';

/**
 * Counts by provision, category, lifecycle and criticality, the gaps (risk flags) with the services
 * they affect, and the common services from the starter catalogue that the register does not list.
 * @returns rows and the indices of heading rows (for bold).
 */
export function icbSummary(entries: readonly RegisterEntry[], context: EvidenceContext): { rows: string[][]; headingRows: number[] } {
  const rows: string[][] = preamble(ICB_SUMMARY_TITLE, context, []);
  const headingRows: number[] = [];
  const section = (title: string, header: string[], body: string[][]): void => {
    headingRows.push(rows.length);
    rows.push([title]);
    headingRows.push(rows.length);
    rows.push(header);
    rows.push(...body, []);
  };
  const inUse = entries.filter((entry) => entry.lifecycle !== 'retired');
  section('Services', ['Measure', 'Count'], [
    ['Services in the register', String(entries.length)],
    ['In use (not retired)', String(inUse.length)],
  ]);
  section('By provision (services in use)', ['Provision', 'Count'], countBy(inUse, PROVISIONS, (entry) => entry.provision));
  section('By category (services in use)', ['Category', 'Count'], countBy(inUse, CATEGORIES, (entry) => entry.category).filter((row) => row[1] !== '0'));
  section('By lifecycle status', ['Lifecycle status', 'Count'], countBy(entries, LIFECYCLES, (entry) => entry.lifecycle));
  section('By criticality (services in use)', ['Criticality', 'Count'], countBy(inUse, CRITICALITIES, (entry) => entry.criticality));
  const flagsOf = (entry: RegisterEntry): RiskFlag[] => riskFlags(entry, context.today, { ownerLeft: context.ownerLeft?.(entry) ?? false });
  section('Gaps (services in use)', ['Gap', 'Count', 'Services'], RISK_FLAGS.map((flag) => {
    const affected = inUse.filter((entry) => flagsOf(entry).includes(flag.code)).map((entry) => entry.title);
    return [flag.label, String(affected.length), affected.join('; ')];
  }));
  const titles = entries.map((entry) => entry.title);
  const missing = STARTER_CATALOGUE.filter((item) => !isInRegister(item, titles));
  section('Common services not in the register (check whether the practice uses them)', ['Service', 'Category'],
    missing.map((item) => [item.title, labelOf(CATEGORIES, item.category)]));
  return { rows, headingRows };
}

/**
 * DSPT access evidence (issue 17): leavers' access removed and when, the admin rights held on each
 * service (DSPT 4.3.1) and the access reviews recorded. Plain tables of text; the CSV and XLSX
 * writers (../spreadsheet) neutralise every cell against formula injection.
 */
import type { LocalDate, RegisterEntry } from '../entry';
import { formatLocalDate, londonDateOf } from '../localDate';
import { ukDate } from '../export/registerTable';
import type { SheetTable } from '../spreadsheetFiles';
import { CHECKLIST_KINDS, completedAt, type Checklist, type ChecklistLine } from './checklist';
import { adminRightsView } from './adminRights';
import { compareReviews, type AccessReviewRecord } from './accessReview';

export const ACCESS_EVIDENCE_TITLE = 'DSPT access evidence: leavers, admin rights and access reviews';

export interface AccessEvidenceInput {
  readonly practice: string;
  readonly today: LocalDate;
  readonly register: ReadonlyArray<{ id: string; entry: RegisterEntry }>;
  readonly checklists: readonly Checklist[];
  readonly reviews: readonly AccessReviewRecord[];
}

const LINE_WHAT: Readonly<Record<ChecklistLine['kind'], string>> = {
  access: 'Access removed',
  handover: 'Ownership handed over',
  'admin-rights': 'Admin rights removed',
};

/** An ISO instant as its London date, dd/mm/yyyy (as the register's exports write dates). */
function instantDate(at: string): string {
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? '' : ukDate(londonDateOf(instant));
}

function outcome(line: ChecklistLine): string {
  const status = line.status;
  if (status.state === 'open') return 'Open';
  if (status.state === 'not-applicable') return 'Not applicable';
  if (line.kind === 'handover') return status.handedTo ? `Done: handed to ${status.handedTo.displayName}` : 'Done: no deputy now';
  return 'Done';
}

function leaverRows(checklists: readonly Checklist[]): string[][] {
  const leavers = checklists.filter((checklist) => checklist.kind === 'leaver').sort((a, b) => b.date.localeCompare(a.date));
  const header = ['Leaver', 'Email', 'Last working day', 'Checklist complete on', 'Service', 'Action', 'Outcome', 'Done by', 'Done on', 'Reason (not applicable)'];
  const rows = leavers.flatMap((checklist) => {
    const done = completedAt(checklist);
    return checklist.lines.map((line) => {
      const status = line.status;
      return [
        checklist.person.displayName, checklist.person.upn, ukDate(checklist.date), done ? instantDate(done) : 'Still open', line.serviceTitle, LINE_WHAT[line.kind],
        outcome(line), status.state === 'open' ? '' : status.by, status.state === 'open' ? '' : instantDate(status.at),
        status.state === 'not-applicable' ? status.reason : '',
      ];
    });
  });
  return [header, ...rows];
}

function adminRows(input: AccessEvidenceInput): string[][] {
  const header = ['Service', 'Holder', 'Directory account', 'Organisation', 'Agreement on file', 'Reviewed on', 'Review needed'];
  const rows = adminRightsView(input.register, input.today).map((row) => [
    row.serviceTitle, row.name, row.account, row.organisation, row.holder.agreementOnFile ? 'Yes' : 'No', ukDate(row.holder.reviewedOn), row.needsReview ? 'Yes' : 'No',
  ]);
  return [header, ...rows];
}

function reviewRows(reviews: readonly AccessReviewRecord[]): string[][] {
  const header = ['Service', 'Reviewed on', 'Reviewed by', 'Accounts checked', 'Accounts removed', 'Notes'];
  return [header, ...[...reviews].sort(compareReviews).map((review) => [
    review.serviceTitle, ukDate(review.reviewedOn), review.reviewedBy, String(review.accountsChecked), String(review.accountsRemoved), review.notes,
  ])];
}

function otherChecklistRows(checklists: readonly Checklist[]): string[][] {
  const header = ['Kind', 'Person', 'Date', 'Lines', 'Open lines', 'Complete on'];
  const rows = checklists
    .filter((checklist) => checklist.kind !== 'leaver')
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((checklist) => {
      const done = completedAt(checklist);
      const open = checklist.lines.filter((line) => line.status.state === 'open').length;
      return [CHECKLIST_KINDS.find((kind) => kind.code === checklist.kind)?.label ?? checklist.kind, checklist.person.displayName, ukDate(checklist.date),
        String(checklist.lines.length), String(open), done ? instantDate(done) : 'Still open'];
    });
  return [header, ...rows];
}

/** One sheet per part, each with its heading row bold. */
export function accessEvidenceSheets(input: AccessEvidenceInput): SheetTable[] {
  const sheet = (name: string, rows: string[][]): SheetTable => ({ name, rows, boldRows: [0] });
  return [
    sheet('Leavers', leaverRows(input.checklists)),
    sheet('Admin rights', adminRows(input)),
    sheet('Access reviews', reviewRows(input.reviews)),
    sheet('Joiners and role changes', otherChecklistRows(input.checklists)),
  ];
}

/** The same parts as one table for CSV: a preamble, then each part under its own heading. */
export function accessEvidenceCsvRows(input: AccessEvidenceInput): string[][] {
  const rows: string[][] = [[ACCESS_EVIDENCE_TITLE], ['Practice', input.practice], ['Produced on', formatLocalDate(input.today)], []];
  for (const sheet of accessEvidenceSheets(input)) rows.push([sheet.name], ...sheet.rows.map((row) => [...row]), []);
  return rows;
}

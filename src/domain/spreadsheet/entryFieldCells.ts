/**
 * Readers for the cells of the fields issue 17 added: the access review interval, admin rights and
 * the training link. Like the other readers (cellReaders.ts), each fills its field when the cell
 * reads as one and otherwise keeps the text in Notes with a warning, so no cell is dropped.
 */
import type { AdminRightHolder, LocalDate } from '../entry';
import { safeHttpsUrl } from '../contactFormats';
import { ACCESS_REVIEW_INTERVAL_MAX_MONTHS, ACCESS_REVIEW_INTERVAL_MIN_MONTHS, SINGLE_LINE_MAX } from '../validation';
import { readAdminRightsCell } from './adminRightsCell';
import { cleanText, readIntervalMonths } from './cellValues';
import { contactParts, withHttps } from './contactText';
import { IMPORT_FIELD_LABELS, normaliseWords } from './importFields';
import type { RowBuilder } from './rowBuilder';

/** Words that say access is not reviewed on a cycle: 0 months. */
const NO_CYCLE = new Set(['none', 'no', 'never', 'no review cycle', 'no cycle', 'not reviewed', 'n a', 'na', 'not applicable', '0', '0 months']);

/** "12", "annually", "every 6 months", "No review cycle" -> months; null (the default) when blank or unreadable. */
export function readAccessInterval(cell: string, b: RowBuilder): number | null {
  const raw = cleanText(cell, false);
  if (raw === '') return null;
  const label = IMPORT_FIELD_LABELS.accessReviewIntervalMonths;
  if (NO_CYCLE.has(normaliseWords(raw))) {
    b.mark('accessReviewIntervalMonths', 'field');
    return 0;
  }
  const read = readIntervalMonths(raw);
  const months = read.value;
  if (read.problem !== undefined || months === null || months < ACCESS_REVIEW_INTERVAL_MIN_MONTHS || months > ACCESS_REVIEW_INTERVAL_MAX_MONTHS) {
    b.keep('accessReviewIntervalMonths', raw);
    b.warn('accessReviewIntervalMonths',
      `${label} "${raw}" is not a number of months from ${ACCESS_REVIEW_INTERVAL_MIN_MONTHS} to ${ACCESS_REVIEW_INTERVAL_MAX_MONTHS}, so the default is used and the text is kept in Notes.`);
    return null;
  }
  b.mark('accessReviewIntervalMonths', 'field');
  return months;
}

/**
 * Holders read from the cell (external names); any part that is not a holder is kept in Notes with
 * a warning naming it.
 */
export function readAdminRights(cell: string, today: LocalDate, b: RowBuilder): AdminRightHolder[] {
  const raw = cleanText(cell, true);
  if (raw === '') return [];
  const read = readAdminRightsCell(raw, today);
  if (read.holders.length > 0 || read.leftOver.length === 0) b.mark('adminRights', 'field');
  if (read.leftOver.length > 0) {
    const text = read.leftOver.join('; ');
    b.keep('adminRights', text);
    b.warn('adminRights', `${IMPORT_FIELD_LABELS.adminRights}: "${text}" does not read as a name with an organisation, for example "Jo Bloggs (EMIS)", so it is kept in Notes.`);
  }
  return read.holders;
}

/**
 * An https link ("www." read as https); a cell with more words keeps them in Notes and the link in
 * the field. An http: link or no link at all: the text is kept in Notes (only https links from user data).
 */
export function readTrainingLink(cell: string, b: RowBuilder): string {
  const raw = cleanText(cell, false);
  if (raw === '') return '';
  const label = IMPORT_FIELD_LABELS.trainingLink;
  const whole = safeHttpsUrl(withHttps(raw));
  if (whole !== null && raw.length <= SINGLE_LINE_MAX) {
    b.mark('trainingLink', 'field');
    return withHttps(raw);
  }
  const found = contactParts(raw).url;
  if (found !== undefined && found.length <= SINGLE_LINE_MAX) {
    b.mark('trainingLink', 'field');
    b.keep('trainingLink', raw);
    return found;
  }
  b.keep('trainingLink', raw);
  b.warn('trainingLink', `${label} "${raw}" has no web address starting with https://, so it is kept in Notes.`);
  return '';
}

/**
 * Reading an "Admin rights" / "Who has admin access" cell into holders (issue 17). Practices write
 * "Jo Bloggs (EMIS); Sam Smith (ICB)", one holder a line, or the register's own export wording
 * "Jo Bloggs, EMIS, agreement on file, reviewed 2026-03-01". A spreadsheet cannot name a directory
 * account reliably, so every holder is an external name; the admin rights editor can swap in the
 * directory person later. A part that does not read as a holder is returned as left over, for the
 * row to keep in Notes: no text in the cell is ever dropped.
 */
import type { AdminRightHolder, LocalDate } from '../entry';
import { isLocalDate } from '../localDate';
import { normaliseWords } from './importFields';

export interface AdminRightsRead {
  readonly holders: AdminRightHolder[];
  /** Parts of the cell that are not a holder, as written. */
  readonly leftOver: string[];
}

/** Cells that say "nobody" rather than name someone. */
const NOBODY = new Set(['none', 'no', 'nobody', 'no one', 'n a', 'na', 'nil', 'not applicable', 'supplier only', 'none known']);

/**
 * Words that name a role or a group, not a person: "Practice manager", "All GPs", "IT team". They
 * are kept in Notes as written rather than filed as a named holder nobody could review.
 */
const ROLE_WORDS = new Set(['manager', 'managers', 'team', 'staff', 'all', 'everyone', 'partners', 'partner', 'gps', 'gp', 'nurse', 'nurses',
  'reception', 'receptionists', 'admin', 'admins', 'administrator', 'administrators', 'supplier', 'icb', 'csu', 'it', 'yes', 'tbc',
  'unknown', 'various', 'see', 'lead', 'leads', 'pm', 'practice']);

/** A person's name as typed: letters (any script), spaces, hyphens, apostrophes and dots, up to six words. */
const NAME = /^[\p{L}][\p{L}'’.-]*(?: [\p{L}][\p{L}'’.-]*){0,5}$/u;

function looksLikeName(text: string): boolean {
  if (!NAME.test(text) || text.length > 80) return false;
  return !normaliseWords(text).split(' ').some((word) => ROLE_WORDS.has(word));
}

interface Attributes {
  organisation: string;
  agreementOnFile: boolean;
  reviewedOn: LocalDate | null;
  /** false when a token was neither an organisation nor a known attribute. */
  readable: boolean;
}

/** "EMIS", "agreement on file", "reviewed 2026-03-01", "not reviewed": the parts after the name. */
function readAttributes(tokens: readonly string[], today: LocalDate): Attributes {
  const read: Attributes = { organisation: '', agreementOnFile: false, reviewedOn: null, readable: true };
  for (const token of tokens) {
    const words = normaliseWords(token);
    const reviewed = /^reviewed (?:on )?(\d{4}-\d{2}-\d{2})$/i.exec(token.trim());
    if (words === 'agreement on file' || words === 'agreement signed' || words === 'signed agreement') read.agreementOnFile = true;
    else if (words === 'no agreement on file' || words === 'no agreement') read.agreementOnFile = false;
    else if (words === 'not reviewed') read.reviewedOn = null;
    else if (reviewed && isLocalDate(reviewed[1] as string) && (reviewed[1] as string) <= today) read.reviewedOn = reviewed[1] as string;
    else if (read.organisation === '' && words !== '' && token.length <= 255) read.organisation = token.trim();
    else read.readable = false;
  }
  return read;
}

/** One holder from "Name (Org, ...)", "Name, Org, ..." or "Name - Org"; null when it is not one. */
function readHolder(part: string, today: LocalDate): AdminRightHolder | null {
  const bracket = /^(.+?)\s*[([]\s*([^)\]]*?)\s*[)\]]$/.exec(part);
  const dashed = /^(.+?)\s+[-–—]\s+(.+)$/.exec(part);
  const [name, rest] = bracket
    ? [bracket[1] as string, (bracket[2] as string).split(',')]
    : dashed ? [dashed[1] as string, [dashed[2] as string]] : [part.split(',')[0] as string, part.split(',').slice(1)];
  const trimmed = name.trim();
  if (!looksLikeName(trimmed)) return null;
  const attributes = readAttributes(rest.map((token) => token.trim()).filter((token) => token !== ''), today);
  if (!attributes.readable) return null;
  return { person: null, externalName: trimmed, organisation: attributes.organisation, agreementOnFile: attributes.agreementOnFile, reviewedOn: attributes.reviewedOn };
}

/**
 * @param text the cell, already cleaned (line breaks kept).
 * @param today review dates after it are not read (kept as left over instead).
 */
export function readAdminRightsCell(text: string, today: LocalDate): AdminRightsRead {
  const holders: AdminRightHolder[] = [];
  const leftOver: string[] = [];
  if (NOBODY.has(normaliseWords(text))) return { holders, leftOver };
  // ";" and line breaks always separate holders; "," "/" "&" or "and" do after a bracket ("Jo (EMIS), Sam (ICB)").
  const parts = text.split(/[;\n]+|(?<=[)\]])\s*(?:[,/&]|\band\b)\s*/i).map((piece) => piece.trim()).filter((piece) => piece !== '');
  for (const part of parts) {
    // "Jo Bloggs and Sam Smith", "Jo Bloggs / Sam Smith": two names, when each half reads as one.
    const halves = part.split(/\s+(?:and|&|\/)\s+/i);
    const split = halves.length > 1 ? halves.map((half) => readHolder(half, today)) : [];
    const found = split.length > 0 && split.every((holder) => holder !== null) ? (split as AdminRightHolder[]) : [readHolder(part, today)];
    for (const holder of found) {
      if (holder) holders.push(holder);
      else leftOver.push(part);
    }
  }
  return { holders, leftOver };
}

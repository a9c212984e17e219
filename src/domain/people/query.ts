/**
 * Search text and matching, with Graph-like semantics so the cached team list filters the way the
 * directory search does: words match by prefix, in any order, never as substrings. Matching also
 * ignores case and accents ("zoe" finds "Zoë", "nguyen" finds "Nguyễn") and apostrophes, straight
 * or curly ("oneill", "o'neill" and "O’Neill" all find "O'Neill").
 */
import type { PersonCandidate } from './personCandidate';

/** Longest query sent anywhere, in code points. A longer paste is cut, never rejected. */
export const MAX_QUERY_LENGTH = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control and format characters (including zero-width and bidi marks) become spaces.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * What is searched for: NFC, control characters and lone surrogates removed (they would make
 * `encodeURIComponent` throw), spaces collapsed, trimmed, at most MAX_QUERY_LENGTH code points.
 */
export function normaliseQuery(text: string): string {
  const cleaned = text.replace(LONE_SURROGATE, ' ').normalize('NFC').replace(CONTROL_OR_FORMAT, ' ').replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(cleaned);
  return codePoints.length <= MAX_QUERY_LENGTH ? cleaned : codePoints.slice(0, MAX_QUERY_LENGTH).join('').trim();
}

// Letters that do not decompose into a base letter and an accent.
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l' };
const APOSTROPHES = /['’‘ʼ`´ʻ]/g;

/** Lower case, accents removed, special letters spelt out; apostrophes are kept (see `foldCompact`). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıŀ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** Words of a query: folded, apostrophes dropped ("O'Neill" -> ["oneill"]), split on anything else. */
export function queryWords(query: string): string[] {
  return words(fold(query).replace(APOSTROPHES, ''));
}

/**
 * The words a name can be found by, as Graph tokenises displayName: split on spaces and symbols
 * ("O'Neill" -> "o", "neill"), on a lower-to-upper case change ("McDonald" -> "mc", "donald") and
 * on letter/digit boundaries, plus each space-separated part with its symbols removed ("oneill",
 * "smithjones" for "Smith-Jones").
 */
export function nameWords(displayName: string): string[] {
  const accentFree = displayName.normalize('NFKD').replace(/\p{M}/gu, '');
  const caseSplit = accentFree.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, '$1$3 $2$4');
  const folded = fold(displayName);
  const joined = folded.split(/\s+/).map((part) => part.replace(/[^\p{L}\p{N}]+/gu, ''));
  return [...new Set([...words(folded), ...words(fold(caseSplit)), ...joined.filter((word) => word !== '')])];
}

function addressStartsWith(address: string, query: string): boolean {
  const wanted = fold(query).replace(APOSTROPHES, '').replace(/\s+/g, '');
  return wanted !== '' && fold(address).replace(APOSTROPHES, '').startsWith(wanted);
}

/**
 * True when every word of `query` starts a word of the person's name, or the query starts their
 * email or user principal name. An empty query matches everyone (the picker then lists the team);
 * a query with no letters or digits that starts no address matches no one.
 */
export function matchesQuery(person: Pick<PersonCandidate, 'displayName' | 'mail' | 'userPrincipalName'>, query: string): boolean {
  const text = normaliseQuery(query);
  if (text === '') return true;
  if (addressStartsWith(person.mail, text) || addressStartsWith(person.userPrincipalName, text)) return true;
  const wanted = queryWords(text);
  if (wanted.length === 0) return false;
  const have = nameWords(person.displayName);
  return wanted.every((word) => have.some((name) => name.startsWith(word)));
}

/**
 * Making user text inert inside Adaptive Cards.
 *
 * `TextBlock.text` is always processed as Markdown (a CommonMark subset: bold, italic, lists, links)
 * and Teams also turns bare web addresses into links and `{{DATE(...)}}` into dates. A service called
 * `[Click here](https://evil)` must read as exactly that, never become a link. The approach:
 *
 * 1. Flatten: line breaks and tabs become spaces, runs of spaces collapse, leading/trailing spaces go
 *    (so no line can start a heading, list, quote or indented code block).
 * 2. Strip control and invisible format characters (C0/C1 controls, zero-width and bidi-override
 *    characters that could hide or reorder text); lone surrogates become U+FFFD.
 * 3. Cap the length (in characters a person sees, with an ellipsis).
 * 4. Backslash-escape every ASCII punctuation character CommonMark or Teams gives meaning to
 *    (MARKDOWN_SPECIAL), plus the `.` of a leading "1. " (an ordered list). CommonMark defines a
 *    backslash before ASCII punctuation as that literal character, so no emphasis, link, image, code,
 *    HTML, entity, heading, list or table can open.
 * 5. Break auto-linking: a zero-width space goes after `:` in `://`, after a `.` between a word and a
 *    letter (`evil.com`, `www.x`, `a@b.org`), and between `{{` so no card date function fires. The
 *    text looks the same; it just cannot become a link.
 */

/** ASCII punctuation that opens or closes a Markdown construct; each is backslash-escaped. */
export const MARKDOWN_SPECIAL = '\\`*_[]()<>#+-!|~&';

/** The invisible separator inserted to stop auto-linking. */
export const ZERO_WIDTH_SPACE = '\u200B';

/** Default cap, in characters, for one piece of user text in a card. */
export const DEFAULT_CARD_TEXT_LENGTH = 200;

const LINE_BREAKS_AND_TABS = /\r\n|[\r\n\t\v\f\u0085\u2028\u2029]/g;
const CONTROL_AND_FORMAT = /[\p{Cc}\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACES = /\s+/g;
const SPECIAL = new RegExp(`[${MARKDOWN_SPECIAL.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
const LEADING_NUMBER = /^(\d+)(\.)(?=\s|$)/;

/**
 * Steps 1 to 3: one line of plain text with no control or invisible characters, at most `maxLength`
 * characters (code points) including the ellipsis. For places that are not Markdown (button titles,
 * mention names) or that escape afterwards.
 */
export function plainCardText(text: unknown, maxLength: number = DEFAULT_CARD_TEXT_LENGTH): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be a whole number >= 1, got ${maxLength}`);
  const flat = String(text ?? '')
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL_AND_FORMAT, '')
    .replace(SPACES, ' ')
    .trim();
  const characters = Array.from(flat);
  if (characters.length <= maxLength) return flat;
  return `${characters.slice(0, maxLength - 1).join('').trimEnd()}…`;
}

/**
 * User text made safe for an Adaptive Card TextBlock (see the module comment for the rules).
 * @param maxLength cap on the visible characters, before escaping adds backslashes.
 */
export function escapeCardMarkdown(text: unknown, maxLength: number = DEFAULT_CARD_TEXT_LENGTH): string {
  return plainCardText(text, maxLength)
    .replace(SPECIAL, '\\$&')
    .replace(LEADING_NUMBER, '$1\\$2')
    .replace(/:(?=\/\/)/g, `:${ZERO_WIDTH_SPACE}`)
    .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})/gu, `.${ZERO_WIDTH_SPACE}`)
    .replace(/\{(?=\{)/g, `{${ZERO_WIDTH_SPACE}`);
}

/** Longer input is cut before cleaning, so hostile megabytes cost nothing. */
const MAX_INPUT_LENGTH = 4_000;
const NOT_LABEL = /[^\p{L}\p{M}\p{N} '’.()[\]-]+/gu;
/** Inside `<at>…</at>` (Markdown) and on card buttons brackets could read as a link, so these keep none. */
export const NOT_MENTION = /[^\p{L}\p{M}\p{N} '’.-]+/gu;

/**
 * Text reduced to letters, digits, spaces, apostrophes, hyphens, dots and brackets: nothing any HTML
 * parser gives meaning to. For button titles and activity-feed parameters, which are plain text (not
 * Markdown), where escapes would show. Brackets are kept (issue 14): "EMIS Web (GP)" must not reach a
 * notification as "EMIS Web GP".
 * @returns `fallback` when nothing is left.
 */
export function safeLabel(text: unknown, maxLength: number, fallback: string, notLabel: RegExp = NOT_LABEL): string {
  const cleaned = plainCardText(text, MAX_INPUT_LENGTH)
    .replace(notLabel, ' ')
    .replace(SPACES, ' ')
    .replace(/^[\s.'’-]+|[\s-]+$/g, '');
  return cleaned === '' ? fallback : plainCardText(cleaned, maxLength);
}

/**
 * A person's name for inside `<at>…</at>`: needs no escaping and matches the mention entity's text
 * exactly. Empty names become 'Owner'.
 */
export function mentionLabel(displayName: unknown, maxLength = 64): string {
  return safeLabel(displayName, maxLength, 'Owner', NOT_MENTION);
}

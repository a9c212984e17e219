/**
 * Formats for the support contact fields. The URL rule is also the gate for every link made
 * from user data: renderers call `safeHttpsUrl` and show plain text when it returns null.
 */
import { regexes } from 'zod/v4/core';

/** Whitespace or control characters anywhere: the URL parser would silently drop tabs and newlines. */
function hasWhitespaceOrControl(text: string): boolean {
  return /\s/.test(text) || [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

/**
 * @returns the normalised `https:` URL (the parser's `href`), or null when `text` is empty, is not
 *   an absolute `https://` address, has whitespace in it, or carries a user name or password
 *   (`https://nhs.net@example.com` reads as one site and opens another). `javascript:`, `data:`
 *   and `http:` addresses are always null.
 */
export function safeHttpsUrl(text: string): string | null {
  const candidate = text.trim();
  if (!/^https:\/\//i.test(candidate) || hasWhitespaceOrControl(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** @returns true for a plausible address such as `servicedesk@supplier.co.uk` (zod's well-kept pattern). */
export function isPlausibleEmail(text: string): boolean {
  return regexes.email.test(text.trim());
}

/** Digits, spaces and `+ ( ) -`, with at least three digits (NHS 111 is the shortest number a practice calls). */
export function isPhoneNumber(text: string): boolean {
  const candidate = text.trim();
  return /^[0-9 +()-]+$/.test(candidate) && (candidate.match(/[0-9]/g)?.length ?? 0) >= 3;
}

/**
 * Finding the phone number, email address and web address inside a free-text support contact, as
 * practices write them: "Optum support 0345 123 4567 (option 2), have ODS code ready",
 * "servicedesk@supplier.co.uk or www.supplier.co.uk/help".
 *
 * Only what the register's own rules accept is taken (src/domain/contactFormats.ts): a phone number
 * of digits, spaces and + ( ) -; a plausible email; an https address (a bare "www." address is read
 * as https). An `http:` link is not taken: the register only links to https.
 */
import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from '../contactFormats';

export interface ContactParts {
  readonly phone?: string;
  readonly email?: string;
  readonly url?: string;
  /** The text once the parts found are taken out (punctuation and filler words trimmed); '' when nothing else is said. */
  readonly rest: string;
}

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[^\s<>()[\],;:"'.]+(?:\.[^\s<>()[\],;:"'.]+)*/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"',;]+[^\s<>()"',;.]/i;
/**
 * A UK or international number: "0345 123 4567", "+44 (0)300 123 4567", "01234-567890", or the
 * short national numbers (111, 119). Runs of 6 or more digits (or exactly 111/119) count, so a
 * "2022" or an "option 2" is never taken for a phone number.
 */
const PHONE = /(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?)?\(?\d[\d\s()-]{4,}\d|\b1(?:11|19)\b/;

/** "www.supplier.co.uk/help" is a web address typed without its scheme: read it as https. */
export function withHttps(url: string): string {
  return /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$))/i.test(url) && !url.includes('@') && !/\s/.test(url) ? `https://${url}` : url;
}

function digits(text: string): number {
  return text.match(/\d/g)?.length ?? 0;
}

function findPhone(text: string): string | undefined {
  const found = PHONE.exec(text)?.[0]?.trim().replace(/[\s(-]+$/, '');
  if (found === undefined || !isPhoneNumber(found)) return undefined;
  const count = digits(found);
  return count >= 6 || count === 3 ? found : undefined;
}

function tidy(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]|<\s*>/g, ' ')
    .replace(/\b(?:tel|phone|telephone|email|e-mail|web|website|url|call|on|at|or|via)\b\s*[:.]?\s*(?=[,;/|]|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:])/g, '$1')
    .replace(/^[\s,;:/|–—-]+|[\s,;:/|–—-]+$/g, '')
    .trim();
}

/** @returns the phone, email and https address found in `text` (each only when there is one), and what is left. */
export function contactParts(text: string): ContactParts {
  let rest = text;
  const emailText = EMAIL.exec(rest)?.[0];
  const email = emailText !== undefined && isPlausibleEmail(emailText) ? emailText : undefined;
  if (email !== undefined) rest = rest.replace(email, ' ');
  const urlText = URL.exec(rest)?.[0];
  const url = urlText === undefined ? null : safeHttpsUrl(withHttps(urlText));
  if (url !== null && urlText !== undefined) rest = rest.replace(urlText, ' ');
  const phone = findPhone(rest);
  if (phone !== undefined) rest = rest.replace(phone, ' ');
  return {
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(url === null ? {} : { url: urlText !== undefined && /^https:/i.test(urlText) ? urlText : url }),
    rest: tidy(rest),
  };
}

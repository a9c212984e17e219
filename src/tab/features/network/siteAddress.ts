/**
 * A roster's practice site address, checked before it is looked up. Whether it is a safe https
 * address is the project's one rule, `safeHttpsUrl` (domain/contactFormats.ts).
 */
import { safeHttpsUrl } from '@domain';

/**
 * Why `value` cannot be a practice team's SharePoint site address (https, a host, and a path such as
 * /sites/riverside), or null when it can.
 */
export function siteUrlProblem(value: string): string | null {
  const href = safeHttpsUrl(value);
  if (value.trim() === '') return "Enter the practice team's SharePoint site address.";
  if (href === null) return 'Enter the full address, starting with https://, for example https://contoso.sharepoint.com/sites/riverside.';
  const url = new URL(href);
  if (!/^\/(sites|teams)\/[^/]+/i.test(url.pathname)) {
    return 'That is not a team site address: it should look like https://contoso.sharepoint.com/sites/riverside.';
  }
  return null;
}

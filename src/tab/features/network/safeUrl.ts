/**
 * Addresses typed by people (a practice's entry, a roster's site URL) are only ever followed when
 * they are https: a `javascript:` or `http:` value is shown as text, never as a link or a request.
 */

/** The URL when `value` is a well-formed https address, else null. */
export function safeHttpsUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

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

/**
 * Incident and update keys. Every card posted to the channel is named by one of these keys, and a
 * key recorded as posted is never posted again, so a retried save or post (after a 429, a 504 or a
 * closed laptop) cannot put a second card into the thread.
 *
 * - The incident key is made once, when the person presses "Declare": `'inc-' + a GUID` the caller
 *   makes (the domain never makes randomness or reads a clock). Every retry reuses it.
 * - An update's key is derived from the incident key and a token made once per action (a GUID, or
 *   a sequence number the caller fixes before the first attempt), so the same action always gives
 *   the same key and a re-applied change (after a 412) is recognised as already there.
 * - "Restored" happens once per incident, so its key needs no token.
 *
 * Keys use only letters, digits and hyphens: safe in a SharePoint text column, an OData literal,
 * a URL and an Azure Table row key (which refuses `/ \ # ?`).
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INCIDENT_KEY = /^inc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^(?:[1-9][0-9]{0,8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const RESTORED_SUFFIX = '-restored';

/**
 * The incident key for a GUID made at declare time (`crypto.randomUUID()` in the caller).
 * @throws RangeError when `guid` is not a GUID.
 */
export function incidentKeyFor(guid: string): string {
  if (!GUID.test(guid)) throw new RangeError(`Not a GUID: ${guid}`);
  return `inc-${guid.toLowerCase()}`;
}

/** @returns true when `key` is an incident key made by `incidentKeyFor`. */
export function isIncidentKey(key: string): boolean {
  return INCIDENT_KEY.test(key);
}

function requireIncidentKey(key: string): void {
  if (!isIncidentKey(key)) throw new RangeError(`Not an incident key: ${key}`);
}

/**
 * The key of one update (or supplier reference) of an incident.
 * @param token a GUID made when the person pressed "Post update", or a positive sequence number
 *   fixed before the first attempt. The same token always gives the same key.
 * @throws RangeError for a malformed incident key or token.
 */
export function incidentUpdateKey(incidentKey: string, token: string | number): string {
  requireIncidentKey(incidentKey);
  const text = String(token).toLowerCase();
  if (!TOKEN.test(text)) throw new RangeError(`An update token is a GUID or a positive whole number, got ${String(token)}`);
  return `${incidentKey}-u-${text}`;
}

/** The key of the incident's "restored" update (one per incident). */
export function restoredKey(incidentKey: string): string {
  requireIncidentKey(incidentKey);
  return `${incidentKey}${RESTORED_SUFFIX}`;
}

/** @returns the incident key a card key belongs to (itself for the root card), or null for a foreign key. */
export function incidentKeyOf(cardKey: string): string | null {
  const candidate = cardKey.slice(0, 'inc-'.length + 36);
  if (!isIncidentKey(candidate)) return null;
  const rest = cardKey.slice(candidate.length);
  if (rest === '' || rest === RESTORED_SUFFIX || /^-u-/.test(rest)) return candidate;
  return null;
}

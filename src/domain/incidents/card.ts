/**
 * The incident card posted to the practice channel when an incident is declared. It carries
 * everything needed to act, so nobody has to open the tab during the incident:
 * the service and whether it is down or degraded, what is seen, when it started, who declared it;
 * the downtime process (the four structured fields, then any older notes); the supplier's contacts
 * and the caller reference they will ask for; the ICB service desk (the register's service desk
 * entry, as in the downtime pack: `findServiceDesk`); the escalation route; the other services
 * affected (`whatElseBreaks`); a link to the entry.
 *
 * Built as plain objects (never string templates), all user text escaped (cardParts.ts). Graph
 * carries the card as a JSON string inside JSON; like the digest it is kept under `maxBytes`
 * (default 24,000) by listing fewer affected services, then shortening the downtime text.
 */
import type { StoredEntry } from '../entry';
import { migrateDowntimeText } from '../downtime';
import { findServiceDesk } from '../export/downtimePack';
import { buildDependencyGraph, whatElseBreaks, type AffectedService } from '../dependencies';
import type { AdaptiveCard, CardElement, GraphMention } from '../reminders/digestCard';
import { cardByteSize, DEFAULT_DIGEST_MAX_BYTES, requireHttpsLink } from '../reminders/digestCard';
import { escapeCardMarkdown, mentionLabel, NOT_MENTION, safeLabel } from '../reminders/markdown';
import { card, contactBlock, heading, labelled, plain } from './cardParts';
import { londonTimeText } from './duration';
import type { Incident } from './incident';

export const INCIDENT_CARD_MAX_AFFECTED = 12;

export interface IncidentCardInput {
  readonly incident: Incident;
  /** The register: the incident's entry, the ICB service desk entry and the dependencies come from it. */
  readonly entries: readonly StoredEntry[];
  /** The deep link that opens an entry in the tab (domain/reminders/entryLink.ts). Must be https. */
  readonly entryLink: (entryId: string) => string;
  readonly maxBytes?: number;
}

export interface IncidentCard {
  readonly card: AdaptiveCard;
  /** Everything that breaks with the service (all of them; the card may list fewer). */
  readonly affected: readonly AffectedService[];
  /** How many affected services the card left out for size ("and N more"). */
  readonly omittedAffected: number;
  /** The service's owner and deputy, for real mentions in a Graph message body (ids 0..n-1). */
  readonly graphMentions: readonly GraphMention[];
}

export function impactWord(incident: Pick<Incident, 'impact'>): string {
  return incident.impact === 'down' ? 'down' : 'degraded';
}

/** "EMIS Web is down" (escaped). */
export function incidentTitle(incident: Pick<Incident, 'serviceTitle' | 'impact'>): string {
  return `${escapeCardMarkdown(incident.serviceTitle || 'Untitled service', 120)} is ${impactWord(incident)}`;
}

const DOWNTIME_LABELS = [
  ['downtimeNotice', 'How you will notice'],
  ['downtimeWorkaround', 'Paper workaround'],
  ['downtimePatients', 'What to tell patients'],
  ['downtimeBackfill', 'Back-filling records afterwards'],
  ['downtimeProcess', 'Other downtime notes'],
] as const;

function downtimeSection(stored: StoredEntry | undefined, maxLength: number): CardElement[] {
  const out: CardElement[] = [heading('Downtime process')];
  if (!stored) return [...out, plain('This service is no longer in the register.', true)];
  const entry = migrateDowntimeText(stored.entry);
  const lines = DOWNTIME_LABELS.filter(([field]) => entry[field].trim() !== '').map(([field, label]) => labelled(label, entry[field], maxLength));
  return [...out, ...(lines.length > 0 ? lines : [plain('No downtime process is written down for this service. Agree one with the owner after the incident.', true)])];
}

function contactsSection(incident: Incident, stored: StoredEntry | undefined, desk: StoredEntry | undefined): CardElement[] {
  const out: CardElement[] = [heading('Who to call')];
  if (stored) out.push(contactBlock({ heading: 'Supplier', name: stored.entry.supplier || 'Supplier helpdesk', entry: stored.entry }));
  if (incident.supplierReference.trim() !== '') out.push(labelled('Supplier reference for this incident', incident.supplierReference, 200));
  if (desk && desk.id !== stored?.id) out.push(contactBlock({ heading: 'ICB service desk', name: desk.entry.title, entry: desk.entry }));
  else if (!desk) out.push(plain('No ICB service desk in the register: add it as a service named "ICB service desk" so its number is here next time.', true));
  if (stored && stored.entry.escalationRoute.trim() !== '') out.push(labelled('Escalation route', stored.entry.escalationRoute, 400));
  return out;
}

function affectedSection(affected: readonly AffectedService[], shown: number): CardElement[] {
  if (affected.length === 0) return [heading('Other services affected'), plain('Nothing else in the register depends on this service.', true)];
  const out: CardElement[] = [heading(`Other services affected (${affected.length})`)];
  for (const service of affected.slice(0, shown)) {
    const via = service.depth > 1 ? ` (through ${service.pathTitles.slice(1, -1).map((t) => escapeCardMarkdown(t, 60)).join(', ')})` : '';
    const process = service.downtime.exists ? 'has a downtime process' : 'no downtime process written down';
    out.push(plain(`${escapeCardMarkdown(service.title || 'Untitled service', 120)}${via}: ${process}`));
  }
  if (affected.length > shown) out.push(plain(`and ${affected.length - shown} more in the register`, true));
  return out;
}

function people(stored: StoredEntry | undefined): GraphMention[] {
  const persons = [stored?.entry.owner, stored?.entry.deputy].filter((p): p is NonNullable<typeof p> => p !== null && p !== undefined && p.entraId !== '');
  const unique = persons.filter((person, index) => persons.findIndex((p) => p.entraId === person.entraId) === index);
  return unique.map((person, id) => ({
    id,
    mentionText: mentionLabel(person.displayName),
    mentioned: { user: { id: person.entraId, displayName: mentionLabel(person.displayName), userIdentityType: 'aadUser' } },
  }));
}

function build(input: IncidentCardInput, stored: StoredEntry | undefined, desk: StoredEntry | undefined, affected: readonly AffectedService[], shown: number, downtimeLength: number): AdaptiveCard {
  const { incident } = input;
  const owner = stored?.entry.owner;
  const body: CardElement[] = [
    { type: 'TextBlock', text: incident.impact === 'down' ? 'Incident: service down' : 'Incident: service degraded', isSubtle: true, wrap: true },
    heading(incidentTitle(incident), 'Large', incident.impact === 'down' ? 'Attention' : 'Warning'),
    labelled('What is seen', incident.seen, 600),
    labelled('Started', londonTimeText(incident.startedAt)),
    labelled('Declared by', incident.declaredBy.displayName || 'someone in the practice', 80),
  ];
  if (owner) body.push(labelled('Service owner', owner.displayName, 80));
  if (incident.state === 'restored' && incident.restoredAt) body.push(labelled('Restored', londonTimeText(incident.restoredAt)));
  body.push(...downtimeSection(stored, downtimeLength), ...contactsSection(incident, stored, desk), ...affectedSection(affected, shown));
  const link = requireHttpsLink(input.entryLink(incident.entryId), 'entryLink');
  const title = safeLabel(incident.serviceTitle, 60, 'the service', NOT_MENTION);
  return card(body, [{ type: 'Action.OpenUrl', title: `Open ${title} in the register`, url: link }]);
}

/**
 * The card for a declared incident.
 * @throws RangeError when `entryLink` gives anything but an https link.
 */
export function buildIncidentCard(input: IncidentCardInput): IncidentCard {
  const maxBytes = input.maxBytes ?? DEFAULT_DIGEST_MAX_BYTES;
  const graph = buildDependencyGraph(input.entries);
  const stored = graph.entries.get(input.incident.entryId);
  const desk = findServiceDesk(input.entries);
  const affected = whatElseBreaks(graph, input.incident.entryId).affected;
  let shown = Math.min(affected.length, INCIDENT_CARD_MAX_AFFECTED);
  let downtimeLength = 800;
  let built = build(input, stored, desk, affected, shown, downtimeLength);
  while (cardByteSize(built) > maxBytes && (shown > 0 || downtimeLength > 100)) {
    if (shown > 0) shown -= 1;
    else downtimeLength = Math.floor(downtimeLength / 2);
    built = build(input, stored, desk, affected, shown, downtimeLength);
  }
  return { card: built, affected, omittedAffected: affected.length - shown, graphMentions: people(stored) };
}

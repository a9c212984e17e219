/**
 * The short cards that go into the incident's channel thread, as replies under the incident card:
 * an update, the supplier's reference, and "restored" (with the duration and any cause).
 * Same rules as the incident card: plain objects, every user text escaped.
 */
import type { AdaptiveCard, CardElement } from '../reminders/digestCard';
import { requireHttpsLink } from '../reminders/digestCard';
import { escapeCardMarkdown, NOT_MENTION, safeLabel } from '../reminders/markdown';
import { card, heading, labelled, plain } from './cardParts';
import { incidentDurationText, londonTimeText } from './duration';
import type { Incident, IncidentUpdate } from './incident';
import { impactWord } from './card';

export interface UpdateCardInput {
  readonly incident: Incident;
  /** The update's key (one of `incident.updates`). */
  readonly updateKey: string;
  /** Optional deep link to the entry (https). */
  readonly entryLink?: (entryId: string) => string;
}

/** @throws RangeError when the key is not one of the incident's updates, or the link is not https. */
export function findUpdate(incident: Incident, updateKey: string): IncidentUpdate {
  const update = incident.updates.find((candidate) => candidate.key === updateKey);
  if (!update) throw new RangeError(`No update ${updateKey} on incident ${incident.key}`);
  return update;
}

function by(update: IncidentUpdate): CardElement {
  return plain(`${escapeCardMarkdown(update.by || 'Someone in the practice', 80)}, ${londonTimeText(update.at)}`, true);
}

/** The reply card for one update of the incident (update, reference or restored). */
export function buildUpdateCard(input: UpdateCardInput): AdaptiveCard {
  const { incident } = input;
  const update = findUpdate(incident, input.updateKey);
  const service = escapeCardMarkdown(incident.serviceTitle || 'Untitled service', 120);
  const body: CardElement[] = [];
  if (update.kind === 'restored') {
    body.push(heading(`${service} is restored`, 'Medium', 'Good'));
    const duration = incident.restoredAt === null ? null : incidentDurationText(incident);
    if (duration !== null) body.push(labelled(impactWord(incident) === 'down' ? 'Down for' : 'Degraded for', `${duration}, from ${londonTimeText(incident.startedAt)}`));
    if (update.text.trim() !== '') body.push(plain(escapeCardMarkdown(update.text, 1_000)));
    if (incident.cause.trim() !== '') body.push(labelled('Cause', incident.cause, 600));
    if (incident.supplierReference.trim() !== '') body.push(labelled('Supplier reference', incident.supplierReference, 200));
  } else if (update.kind === 'reference') {
    body.push(heading(`Supplier reference for ${service}`));
    body.push(labelled('Reference', update.text, 200));
  } else {
    body.push(heading(`Update: ${service} (${impactWord(incident)})`));
    body.push(plain(escapeCardMarkdown(update.text, 1_000)));
  }
  body.push(by(update));
  const actions = input.entryLink
    ? [{ type: 'Action.OpenUrl', title: `Open ${safeLabel(incident.serviceTitle, 60, 'the service', NOT_MENTION)}`, url: requireHttpsLink(input.entryLink(incident.entryId), 'entryLink') }]
    : [];
  return card(body, actions);
}

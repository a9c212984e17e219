/**
 * Pieces shared by the incident card and its update cards: headings, labelled lines, contact
 * blocks with safe links, and the card envelope. User text only ever becomes a string value, made
 * inert with `escapeCardMarkdown` (TextBlocks) or `safeLabel` (button titles, where escapes would
 * show). Links come from user data only when they pass a strict check:
 * - portal: `safeHttpsUrl` (https only, no credentials);
 * - phone: `tel:` built from the digits and a leading + only, when `isPhoneNumber` accepts it;
 * - email: `mailto:` only for `isPlausibleEmail` addresses, percent-encoded.
 */
import { isPhoneNumber, isPlausibleEmail, safeHttpsUrl } from '../contactFormats';
import type { RegisterEntry } from '../entry';
import type { AdaptiveCard, CardElement } from '../reminders/digestCard';
import { escapeCardMarkdown, NOT_MENTION, safeLabel } from '../reminders/markdown';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function heading(text: string, size: 'Large' | 'Medium' = 'Medium', color?: 'Attention' | 'Warning' | 'Good'): CardElement {
  return { type: 'TextBlock', text, style: 'heading', size, weight: 'Bolder', wrap: true, spacing: size === 'Large' ? 'None' : 'Large', ...(color ? { color } : {}) };
}

/**
 * A label (ours, bold by `weight`, not by Markdown) over its value (user text, escaped). Bold comes
 * from the element, never from `**` in the text, so no Markdown of ours sits beside user text.
 */
export function labelled(label: string, value: string, maxLength = 600): CardElement {
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: escapeCardMarkdown(value, maxLength), wrap: true, spacing: 'None' },
    ],
  };
}

export function plain(text: string, subtle = false): CardElement {
  return { type: 'TextBlock', text, wrap: true, spacing: 'Small', ...(subtle ? { isSubtle: true } : {}) };
}

/** `tel:` link for a phone number a person typed, or null when it is not a phone number. */
export function telLink(phone: string): string | null {
  if (!isPhoneNumber(phone)) return null;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

export function mailtoLink(email: string): string | null {
  const trimmed = email.trim();
  return isPlausibleEmail(trimmed) ? `mailto:${encodeURIComponent(trimmed).replace(/%40/g, '@')}` : null;
}

export interface ContactBlockInput {
  /** Our heading, e.g. "Supplier: Optum" (the name part is user text and escaped here). */
  readonly heading: string;
  readonly name: string;
  readonly entry: Pick<RegisterEntry, 'supportPhone' | 'supportEmail' | 'supportUrl' | 'supportHours' | 'supportReference'>;
}

/**
 * A contact: phone (with a Call button), hours, email (with an Email button), portal (an Open
 * button only for https; otherwise shown as text) and the caller reference they will ask for.
 */
export function contactBlock(input: ContactBlockInput): CardElement {
  const { entry } = input;
  const items: CardElement[] = [{ type: 'TextBlock', text: `${input.heading}${input.name.trim() === '' ? '' : `: ${escapeCardMarkdown(input.name, 120)}`}`, weight: 'Bolder', wrap: true, spacing: 'Medium' }];
  const actions: CardElement[] = [];
  const who = safeLabel(input.name, 40, 'support', NOT_MENTION);
  if (entry.supportPhone.trim() !== '') {
    items.push(labelled('Phone', entry.supportPhone, 60));
    const tel = telLink(entry.supportPhone);
    if (tel) actions.push({ type: 'Action.OpenUrl', title: `Call ${who}`, url: tel });
  }
  if (entry.supportHours.trim() !== '') items.push(labelled('Hours', entry.supportHours, 200));
  if (entry.supportEmail.trim() !== '') {
    items.push(labelled('Email', entry.supportEmail, 120));
    const mail = mailtoLink(entry.supportEmail);
    if (mail) actions.push({ type: 'Action.OpenUrl', title: `Email ${who}`, url: mail });
  }
  const portal = safeHttpsUrl(entry.supportUrl);
  if (entry.supportUrl.trim() !== '') {
    items.push(labelled('Portal', entry.supportUrl, 200));
    if (portal) actions.push({ type: 'Action.OpenUrl', title: `Open ${who} portal`, url: portal });
  }
  if (entry.supportReference.trim() !== '') items.push(labelled('Caller reference they will ask for', entry.supportReference, 200));
  if (items.length === 1) items.push(plain('No contact details in the register.', true));
  if (actions.length > 0) items.push({ type: 'ActionSet', actions });
  return { type: 'Container', items };
}

export function card(body: readonly CardElement[], actions: readonly CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full', entities: [] },
  };
}

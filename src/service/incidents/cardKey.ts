/**
 * Every incident card carries its key, so the card can be found in the channel when a post ended
 * without a clear answer (findCardInChannel). The key goes in the `id` of the card's first element:
 * `id` is a standard Adaptive Card element property, shown to nobody, and kept in the attachment's
 * content when Graph returns the message. Keys are letters, digits and hyphens only (domain keys.ts).
 */
import type { AdaptiveCard } from '@domain/reminders';

export const CARD_KEY_PREFIX = 'dsr-card-';

/** The card with its key stamped on the first body element (a new object; the input is not changed). */
export function stampCardKey(card: AdaptiveCard, key: string): AdaptiveCard {
  const body = (card.body ?? []) as ReadonlyArray<Record<string, unknown>>;
  const marker = { type: 'TextBlock', text: ' ', isVisible: false, id: `${CARD_KEY_PREFIX}${key}` };
  const [first, ...rest] = body;
  const stamped = first === undefined ? [marker] : [{ ...first, id: `${CARD_KEY_PREFIX}${key}` }, ...rest];
  return { ...card, body: stamped } as AdaptiveCard;
}

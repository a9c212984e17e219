/**
 * After a 412 (someone else changed the item first) the stores read the item again and re-apply the
 * change. A short random pause first, growing with each attempt, spreads out writers racing for one
 * item (two browsers ticking the same checklist) so they do not collide again on the next try.
 */
export function conflictPauseMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * 40 * 2 ** Math.min(attempt, 5));
}

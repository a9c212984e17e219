/**
 * Whether a register entry's owner has left. Leavers in NHSmail are deleted from the directory
 * (404), disabled first, or move organisation keeping the same account, which only shows as no
 * longer being a member of the practice's team.
 */

/** What the directory says about one user id. 'unknown': the check failed (throttled, no permission). */
export type DirectoryPresence = 'found' | 'deleted' | 'disabled' | 'unknown';

/**
 * 'not-in-team': was a member of the practice team and is no longer (a real departure).
 * 'never-in-team': chosen from the directory but never seen in the team (a new starter not yet added,
 * or someone outside the practice): not a departure, so never worded "owner left".
 */
export type OwnerLeftReason = 'deleted' | 'disabled' | 'not-in-team' | 'never-in-team';

export interface OwnerStatus {
  readonly status: 'active' | 'left';
  /** Why the owner counts as left; null while active. */
  readonly reason: OwnerLeftReason | null;
}

export interface OwnerStatusInput {
  /** From the directory check; undefined when it was not made. */
  readonly directory?: DirectoryPresence;
  /** Whether the owner is in the practice's team; undefined when the member list is not loaded. */
  readonly inTeam?: boolean;
  /**
   * Whether the owner has ever been seen in the team; undefined when nobody knows (then someone not
   * in the team counts as having left, as before). false: 'never-in-team'.
   */
  readonly wasMember?: boolean;
}

/**
 * Decides from what is known and never guesses: an unknown or missing answer counts as active, so a
 * throttled check does not flag every owner as gone. Deleted beats disabled beats not-in-team.
 */
export function ownerStatus(input: OwnerStatusInput): OwnerStatus {
  if (input.directory === 'deleted') return { status: 'left', reason: 'deleted' };
  if (input.directory === 'disabled') return { status: 'left', reason: 'disabled' };
  if (input.inTeam === false && input.wasMember === false) return { status: 'left', reason: 'never-in-team' };
  if (input.inTeam === false) return { status: 'left', reason: 'not-in-team' };
  return { status: 'active', reason: null };
}

/** @returns true only for a real departure: was a member, or deleted or disabled in the directory. */
export function isRealDeparture(reason: OwnerLeftReason): boolean {
  return reason !== 'never-in-team';
}

/** The sentence shown next to an owner who has left (or was never in the team). */
export function ownerLeftMessage(reason: OwnerLeftReason): string {
  switch (reason) {
    case 'deleted':
      return 'This owner is no longer in the NHS directory.';
    case 'disabled':
      return 'This owner’s NHSmail account is disabled.';
    case 'not-in-team':
      return 'This owner is no longer a member of the practice team.';
    case 'never-in-team':
      return 'This owner is not in the practice team: add them to the team, or choose an owner who is.';
  }
}

/** The short label shown on the register row, the entry and the overview. */
export function ownerLeftLabel(reason: OwnerLeftReason): string {
  switch (reason) {
    case 'deleted':
      return 'Owner left (deleted from the directory)';
    case 'disabled':
      return 'Owner left (account disabled)';
    case 'not-in-team':
      return 'Owner left (no longer in the practice team)';
    case 'never-in-team':
      return 'Owner not in the practice team';
  }
}

/**
 * The deputy becomes the owner and the deputy field is cleared (the old owner is not kept as
 * deputy: they have left). @returns the entry unchanged when there is no deputy.
 */
export function promoteDeputy<T extends { readonly owner: unknown; readonly deputy: unknown }>(entry: T): T {
  if (entry.deputy === null || entry.deputy === undefined) return entry;
  return { ...entry, owner: entry.deputy, deputy: null };
}

/**
 * What the register needs to know about where it runs, resolved once after sign-in by the
 * workspace feature and handed to the register feature by the app (features never import each other).
 */
import type { StoredEntry } from '@domain';
import type { TeamMember, RegisterLocation } from '@graph';

export interface Workspace {
  readonly me: { readonly id: string; readonly displayName: string; readonly userPrincipalName: string };
  readonly team: { readonly id: string; readonly displayName: string };
  readonly location: RegisterLocation;
  /** The register's settings list, when known (saved by the configuration page or found with the site). */
  readonly settingsId?: string;
  /** The practice team's members, fetched once; used for "owner left" and the owner picker. */
  readonly members: readonly TeamMember[];
  /**
   * Entries already loaded with the workspace (the start-up batch, or the warm cache) and the
   * deltaLink that brings them up to date; absent = the register loads them itself.
   */
  readonly initial?: { readonly entries: readonly StoredEntry[]; readonly deltaLink: string; readonly fromCache: boolean };
  /** Whose warm cache (see warmCache.ts) the register keeps up to date; absent = none. */
  readonly cacheKey?: string;
  /**
   * True when the register was made by an older release and lacks columns this one reads and
   * writes: it was opened read-only (every field, no select) and saving would fail until a team
   * owner brings it up to date (practiceLists.tsx; the banner says so). Never cached.
   */
  readonly readOnly?: boolean;
}

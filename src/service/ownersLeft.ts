/**
 * Which owners have left, for the unattended run (issue 4): deleted from the directory (404),
 * disabled (`accountEnabled: false`, where the app may read it: User.Read.All), or no longer a
 * member of the practice team. Their reminders then go to the practice's managers.
 *
 * Only owners still in the team are looked up (one `$batch` per 20 of them, `checkOwners`): anyone
 * else has left already, whatever the directory says. These are `/users` calls, not SharePoint, so
 * the resource-unit pacer charges them nothing (resourceUnits.ts counts only `/sites/` paths).
 *
 * A failed or throttled check never makes anyone "left": an owner the directory did not answer
 * for is 'unknown', and a whole batch that fails (throttled past its retries, a 5xx, no permission)
 * is logged and then team membership alone decides, as it did before the check.
 */
import type { PersonRef } from '../domain/entry';
import { ownerStatus, type DirectoryPresence, type OwnerLeftReason } from '../domain/people/ownerStatus';
import type { GraphClient } from '../graph/client';
import { checkOwners } from '../graph/people';

export type OwnerLeftCheck = (owner: PersonRef) => OwnerLeftReason | null;

/**
 * @param candidates the owners of today's reminders (any order, repeats allowed).
 * @param memberIds the team's members, or null when they could not be read.
 * @returns why each owner has left, or null while they count as active. Never throws.
 */
export async function ownersLeft(graph: GraphClient, candidates: readonly PersonRef[], memberIds: ReadonlySet<string> | null, log: (line: string) => void): Promise<OwnerLeftCheck> {
  // null: the team's members could not be read (no TeamMember.Read.Group): the directory alone decides.
  const ids = [...new Set(candidates.map((owner) => owner.entraId).filter((id) => memberIds === null || memberIds.has(id)))];
  let directory = new Map<string, DirectoryPresence>();
  if (ids.length > 0) {
    try {
      directory = await checkOwners(graph, ids);
    } catch (error) {
      log(`  directory check failed (${error instanceof Error ? error.message : String(error)}): team membership alone decides who has left`);
    }
  }
  const unknown = ids.filter((id) => (directory.get(id) ?? 'unknown') === 'unknown').length;
  if (directory.size > 0 && unknown > 0) log(`  the directory did not answer for ${unknown} owner(s): counted as still here`);
  return (owner) => ownerStatus({ directory: directory.get(owner.entraId), inTeam: memberIds === null ? undefined : memberIds.has(owner.entraId) }).reason;
}

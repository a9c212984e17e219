/** Whether the signed-in person owns the team: only an owner sets a team up as a network or changes its roster. */
import type { Workspace } from '../../state/workspace';

export function isTeamOwner(workspace: Workspace): boolean {
  return workspace.members.some((member) => member.userId === workspace.me.id && member.roles.some((role) => role.toLowerCase() === 'owner'));
}

/** People in the practice's team: ranked first when picking an owner from a national directory. */
import type { AadUserConversationMember } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client';
import { pathSegment, pageAll } from '../client';

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  /** Contains 'owner' for team owners; empty for ordinary members. */
  roles: string[];
}

/** Graph's `aadUserConversationMember`, as Microsoft publishes it: the fields the register reads. */
export type ConversationMember = Pick<AadUserConversationMember, 'userId' | 'displayName' | 'email' | 'roles'>;

export async function listTeamMembers(client: GraphClient, teamId: string): Promise<TeamMember[]> {
  return toTeamMembers(await pageAll<ConversationMember>(client, `/teams/${pathSegment(teamId)}/members`));
}

/** Graph's `/teams/{id}/members` values as team members (also used by the batched start-up in startup.ts). */
export function toTeamMembers(members: readonly ConversationMember[]): TeamMember[] {
  return members
    .filter((member) => typeof member.userId === 'string' && member.userId !== '')
    .map((member) => ({
      userId: member.userId as string,
      displayName: member.displayName ?? '',
      email: member.email ?? '',
      roles: member.roles ?? [],
    }));
}

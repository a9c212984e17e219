/** The owner picker's requests (directory search, people) and team members, delegated and with RSC. */
import { buildDirectorySearchUrl, GraphError, listMyPeople, listTeamMembers, NO_RETRY, searchDirectory, withScopes } from '../graphParts';
import type { ProbeContext, ProbeStep } from '../step';

/** A word to search for: PROBE_SEARCH_TEXT, else the first word of the signed-in user's name. */
export function searchTextOf(ctx: ProbeContext): string {
  return ctx.config.searchText ?? ctx.state.me?.displayName.split(/\s+/)[0] ?? 'a';
}

export const searchWithConsistency: ProbeStep = {
  id: 'search-consistency',
  title: 'Directory $search with ConsistencyLevel: eventual',
  required: true,
  writes: false,
  needs: ['sign-in-user'],
  advice: () =>
    'The owner picker says the directory search failed (User.ReadBasic.All needs admin consent); it still offers the practice team and the people you work with.',
  async run(ctx) {
    const found = await searchDirectory(ctx.user, searchTextOf(ctx));
    return { ok: true, detail: `${found.length} people found for "${searchTextOf(ctx)}"` };
  },
};

export const searchWithoutConsistency: ProbeStep = {
  id: 'search-no-consistency',
  title: 'Directory $search without ConsistencyLevel (a fact: 400 documented)',
  required: false,
  writes: false,
  needs: ['sign-in-user'],
  advice: () => 'Nothing to change: the product always sends ConsistencyLevel: eventual.',
  async run(ctx) {
    try {
      await ctx.user.api(buildDirectorySearchUrl(searchTextOf(ctx))).middlewareOptions([NO_RETRY, withScopes('people')]).get();
      ctx.facts.search.withoutConsistencyLevelStatus = 200;
      ctx.facts.search.withoutConsistencyLevelCode = null;
      return { ok: true, detail: 'answered 200: this tenant does not require the header (the product sends it anyway)' };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      ctx.facts.search.withoutConsistencyLevelStatus = error.status;
      ctx.facts.search.withoutConsistencyLevelCode = error.code;
      return { ok: true, detail: `refused as documented: ${error.status} ${error.code}` };
    }
  },
};

export const people: ProbeStep = {
  id: 'people',
  title: 'People you work with (GET /me/people)',
  required: false,
  writes: false,
  needs: ['sign-in-user'],
  advice: () => 'The owner picker does not rank the people you work with first (People.Read); directory search still works.',
  async run(ctx) {
    const found = await listMyPeople(ctx.user, searchTextOf(ctx));
    return { ok: true, detail: `${found.length} people for "${searchTextOf(ctx)}"` };
  },
};

export const membersDelegated: ProbeStep = {
  id: 'members-delegated',
  title: 'Team members, delegated (TeamMember.Read.All)',
  required: true,
  writes: false,
  needs: ['workspace'],
  advice: () =>
    "The tab's first load reads the team's members in its one $batch (owners may set up the register and change owners; members who left are flagged): without them the register does not open. Grant admin consent for TeamMember.Read.All.",
  async run(ctx) {
    const members = await listTeamMembers(ctx.user, ctx.state.teamId as string);
    const me = members.find((member) => member.userId === ctx.state.me?.id);
    return { ok: members.length > 0, detail: `${members.length} members (${members.filter((m) => m.roles.includes('owner')).length} owners)${me ? `; you are ${me.roles.includes('owner') ? 'an owner' : 'a member'}` : '; you are not a member'}` };
  },
};

export const membersRsc: ProbeStep = {
  id: 'members-rsc',
  title: 'Team members, app-only with RSC (TeamMember.Read.Group)',
  required: false,
  writes: false,
  needs: ['workspace', 'sign-in-app'],
  advice: () =>
    'The reminder service cannot see who left the team: it still posts the digest and says in its run report what it could not check. TeamMember.Read.Group needs group-owner consent, which the tenant may have turned off; a team owner re-installing the app grants it.',
  async run(ctx) {
    const members = await listTeamMembers(ctx.app, ctx.state.teamId as string);
    return { ok: members.length > 0, detail: `${members.length} members` };
  },
};

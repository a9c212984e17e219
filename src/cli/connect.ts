/**
 * Where the import and export commands read and write: the local server `npm start` runs
 * (http://localhost:${PORT:-53000}, signed in through the emulator's POST /emulator/token as the
 * practice manager, or `--as <upn>`), unless GRAPH_BASE_URL is set; then GRAPH_TOKEN must hold a
 * delegated access token for that Graph (e.g. from `az account get-access-token`), since real
 * Graph has no emulator sign-in.
 *
 * The practice is `--register <address>`: the tab's "Open in browser" address, which carries the team,
 * site and list ids (the tab's configuration page saves it), so nothing is looked up. Without it, the
 * only team the signed-in user has joined that has a register (`--team <id>` to choose), found through
 * `/groups/{id}/sites/root`: documented only with Sites.Read.All (site-get.md), so it works only where
 * a tenant granted that; otherwise the command says to pass `--register`.
 * Imports only src/domain and src/graph.
 */
import { createGraphClient, findRegisterList, findTeamSite, listJoinedTeams, listTeamMembers, openRegisterStore, type GraphClient, type TeamMember } from '@graph';
import type { RegisterStore, TokenSource } from '@graph';

/** The seeded practice manager of the local demo practice (team owner). */
export const DEFAULT_LOCAL_UPN = 'priya.shah@nhs.net';

export interface Connection {
  readonly client: GraphClient;
  readonly store: RegisterStore;
  readonly team: { readonly id: string; readonly displayName: string };
  /** The practice team's SharePoint site: its other lists (incidents, changes) live beside the register. */
  readonly siteId: string;
  readonly members: readonly TeamMember[];
  readonly baseUrl: string;
}

export class CliError extends Error {}

function emulatorTokenSource(baseUrl: string, upn: string): TokenSource {
  let token: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn }) });
    } catch {
      throw new CliError(`Nothing answers at ${baseUrl}. Start the register with "npm start" (same PORT), or set GRAPH_BASE_URL and GRAPH_TOKEN.`);
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: string };
    if (!response.ok || !body.access_token) throw new CliError(`The local server would not sign in ${upn} (HTTP ${response.status}). Use --as with a user it knows.`);
    return body.access_token;
  };
  return { getToken: () => (token ??= fetchToken()), invalidate: () => { token = undefined; } };
}

function tokenSource(env: NodeJS.ProcessEnv, baseUrl: string, upn: string | undefined): TokenSource {
  if (env.GRAPH_BASE_URL) {
    const token = env.GRAPH_TOKEN;
    if (!token) throw new CliError('GRAPH_BASE_URL is set, so GRAPH_TOKEN must hold an access token for it.');
    return { getToken: async () => token };
  }
  return emulatorTokenSource(baseUrl, upn ?? DEFAULT_LOCAL_UPN);
}

export function baseUrlFrom(env: NodeJS.ProcessEnv): string {
  return (env.GRAPH_BASE_URL ?? `http://127.0.0.1:${env.PORT ?? 53000}`).replace(/\/$/, '');
}

/** @throws CliError with what to do when the server, the sign-in or the practice cannot be found. */
/** The ids in the tab's "Open in browser" address (`?teamId=&siteId=&listId=`), or null. */
export function registerIdsFrom(address: string): { teamId: string; siteId: string; listId: string } | null {
  let params: URLSearchParams;
  try {
    params = new URL(address).searchParams;
  } catch {
    return null;
  }
  const [teamId, siteId, listId] = ['teamId', 'siteId', 'listId'].map((name) => params.get(name)?.trim() ?? '');
  return teamId && siteId && listId ? { teamId, siteId, listId } : null;
}

export async function connect(env: NodeJS.ProcessEnv, options: { team?: string; as?: string; register?: string }): Promise<Connection> {
  const baseUrl = baseUrlFrom(env);
  const client = createGraphClient({ baseUrl, tokenSource: tokenSource(env, baseUrl, options.as) });
  const teams = await listJoinedTeams(client);
  const register = options.register ?? env.REGISTER_ADDRESS;
  if (register) {
    const ids = registerIdsFrom(register);
    if (!ids) throw new CliError('--register must be the tab\'s "Open in browser" address, with teamId, siteId and listId in it.');
    const team = teams.find((candidate) => candidate.id === ids.teamId);
    if (!team) throw new CliError(`You are not a member of the team ${ids.teamId} that this register belongs to.`);
    const store = openRegisterStore(client, { teamId: ids.teamId, siteId: ids.siteId, listId: ids.listId });
    return { client, store, team, siteId: ids.siteId, members: await listTeamMembers(client, team.id), baseUrl };
  }
  let chosen: { id: string; displayName: string; siteId: string; listId: string } | undefined;
  const withRegister: { id: string; displayName: string; siteId: string; listId: string }[] = [];
  for (const team of teams.filter((candidate) => !options.team || candidate.id === options.team)) {
    const site = await findTeamSite(client, team.id).catch((error: unknown) => {
      throw new CliError(
        `This tenant does not let the app find a team's site through its group (${error instanceof Error ? error.message : String(error)}). ` +
          'Pass --register with the tab\'s "Open in browser" address (it carries the site and list ids).',
      );
    });
    const listId = await findRegisterList(client, site.id);
    if (listId) withRegister.push({ id: team.id, displayName: team.displayName, siteId: site.id, listId });
  }
  if (withRegister.length === 1) chosen = withRegister[0];
  if (!chosen) {
    if (options.team) throw new CliError(`Team ${options.team} is not one of yours, or has no register yet (open the tab in it once to create it).`);
    if (withRegister.length === 0) throw new CliError('None of your teams has a register yet: open the tab in the practice team once to create it.');
    throw new CliError(`You are in several practices with a register; choose one with --team:\n${withRegister.map((t) => `  ${t.id}  ${t.displayName}`).join('\n')}`);
  }
  const store = openRegisterStore(client, { teamId: chosen.id, siteId: chosen.siteId, listId: chosen.listId });
  return { client, store, team: { id: chosen.id, displayName: chosen.displayName }, siteId: chosen.siteId, members: await listTeamMembers(client, chosen.id), baseUrl };
}

/** Minimal `--name value` / `--flag` parsing; positional arguments in order. */
export function parseArgs(argv: readonly string[], flags: readonly string[], valued: readonly string[]): { positional: string[]; flags: Set<string>; values: Map<string, string> } {
  const positional: string[] = [];
  const set = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [undefined, undefined];
    if (name === undefined) positional.push(arg);
    else if (flags.includes(name)) set.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value.`);
      values.set(name, value);
    } else throw new CliError(`Unknown option --${name}.`);
  }
  return { positional, flags: set, values };
}

/**
 * Decides whether the tab runs inside a Microsoft Teams host.
 *
 * teams-js `app.initialize()` rejects at once in a top-level window but waits 60 seconds inside a
 * foreign iframe, so: a top-level window is "not in Teams" straight away (teams-js is not even
 * loaded); inside an iframe teams-js is loaded lazily and its initialisation raced against a short
 * timer. A plain browser therefore never waits for teams-js.
 */

export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where Teams shows the page: the tab itself, or its configuration page (add / settings). */
export type FrameContext = 'content' | 'settings' | 'other';

/**
 * What the Teams context says. These are hints for the user interface (which team, which entry),
 * never proof of identity: Graph authorises every call with the user's token.
 */
export interface TeamsHost {
  readonly kind: 'teams';
  readonly theme: HostTheme;
  /** The team's Microsoft 365 group id (the Graph team id) when the tab sits in a channel. */
  readonly teamId: string | null;
  /**
   * The team's SharePoint site URL (`context.sharePointSite.teamSiteUrl`): the tab finds the site
   * through `GET /sites/{hostname}:/{path}`, the documented path, rather than through the group.
   */
  readonly teamSiteUrl: string | null;
  readonly teamName: string | null;
  /** "19:...@thread.tacv2" when the tab sits in a channel. */
  readonly channelId: string | null;
  /** Entra object id of the user. */
  readonly userId: string | null;
  readonly userPrincipalName: string | null;
  readonly loginHint: string | null;
  readonly tenantId: string | null;
  readonly frameContext: FrameContext;
  /** The tab instance's entityId (from its saved configuration). */
  readonly entityId: string | null;
  /** The Teams app id (manifest `id`), for deep links to this app's tab. */
  readonly appId: string | null;
  /** A deep link's subEntityId: for this tab, the id of a register entry to open. */
  readonly subEntityId: string | null;
  /** `nestedAppAuth.isNAAChannelRecommended()`: MSAL may use Nested App Authentication. */
  readonly naaRecommended: boolean;
}

export type Host = { readonly kind: 'browser' } | TeamsHost;

export interface DetectHostOptions {
  /** How long to wait for a host to answer teams-js before deciding "not in Teams". */
  readonly timeoutMs?: number;
  readonly win?: Window;
}

const DEFAULT_TIMEOUT_MS = 3000;

/** Never rejects: any failure to reach a host means "browser". */
export async function detectHost(options: DetectHostOptions = {}): Promise<Host> {
  const win = options.win ?? window;
  if (win.parent === win) return { kind: 'browser' };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Host>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'browser' }), timeoutMs);
  });
  try {
    return await Promise.race([initialiseTeams(win.location.origin), timedOut]);
  } catch {
    return { kind: 'browser' };
  } finally {
    clearTimeout(timer);
  }
}

async function initialiseTeams(ownOrigin: string): Promise<Host> {
  const { app, nestedAppAuth } = await import('@microsoft/teams-js');
  // Our own origin is passed so a same-origin test host page (http on localhost) is accepted.
  await app.initialize([ownOrigin]);
  const context = await app.getContext();
  app.notifySuccess();
  return {
    kind: 'teams',
    theme: toHostTheme(context.app.theme),
    teamId: context.team?.groupId ?? null,
    teamName: context.team?.displayName ?? null,
    teamSiteUrl: context.sharePointSite?.teamSiteUrl || null,
    channelId: context.channel?.id ?? null,
    userId: context.user?.id || null,
    userPrincipalName: context.user?.userPrincipalName ?? null,
    loginHint: context.user?.loginHint ?? null,
    tenantId: context.user?.tenant?.id ?? null,
    frameContext: toFrameContext(context.page.frameContext),
    entityId: context.page.id || null,
    appId: context.app.appId?.toString() || null,
    subEntityId: context.page.subPageId || null,
    naaRecommended: naaRecommended(() => nestedAppAuth.isNAAChannelRecommended()),
  };
}

function toFrameContext(frameContext: string | undefined): FrameContext {
  return frameContext === 'content' || frameContext === 'settings' ? frameContext : 'other';
}

/** isNAAChannelRecommended throws before initialisation completes; treat any throw as "no". */
function naaRecommended(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function toHostTheme(theme: string): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

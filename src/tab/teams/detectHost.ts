/**
 * Decides whether the tab runs inside a Microsoft Teams host.
 *
 * teams-js `app.initialize()` rejects at once in a top-level window but waits 60 seconds inside a
 * foreign iframe, so: a top-level window is "not in Teams" straight away (teams-js is not even
 * loaded); inside an iframe teams-js is loaded lazily and its initialisation raced against a short
 * timer. A plain browser therefore never waits for teams-js.
 */

export type HostTheme = 'default' | 'dark' | 'contrast';

export type Host =
  | { readonly kind: 'browser' }
  | {
      readonly kind: 'teams';
      readonly theme: HostTheme;
      /** The team's Microsoft 365 group id (the Graph team id) when the tab sits in a channel. */
      readonly teamId: string | null;
      readonly userPrincipalName: string | null;
    };

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
  const { app } = await import('@microsoft/teams-js');
  // Our own origin is passed so a same-origin test host page (http on localhost) is accepted.
  await app.initialize([ownOrigin]);
  const context = await app.getContext();
  app.notifySuccess();
  return {
    kind: 'teams',
    theme: toHostTheme(context.app.theme),
    teamId: context.team?.groupId ?? null,
    userPrincipalName: context.user?.userPrincipalName ?? null,
  };
}

function toHostTheme(theme: string): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

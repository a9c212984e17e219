/**
 * Plain words for a first-run setup that failed: what is missing and who can grant it. A 403 from
 * Graph during setup has two possible causes we cannot tell apart from the browser: the person is
 * not allowed (not in the team, or not an owner when a list must be created), or the app has not
 * been granted this team's SharePoint site (Sites.Selected: the tenant admin's per-site grant).
 */
import { GraphError, NetworkError } from '@graph';

export type SetupStep = 'team-site' | 'find-lists' | 'create-register' | 'create-settings' | 'update-lists';

export interface SetupFailureHelp {
  readonly title: string;
  /** What is missing, in one or two sentences. */
  readonly missing: string;
  /** Who can put it right, and how. */
  readonly whoCanFix: readonly string[];
  /** Status and request id, for support. */
  readonly detail?: string;
}

const STEP_WORDS: Record<SetupStep, string> = {
  'team-site': "open the team's SharePoint site",
  'find-lists': "read the lists in the team's SharePoint site",
  'create-register': 'create the register list in the team\'s SharePoint site',
  'create-settings': 'create the register settings list in the team\'s SharePoint site',
  'update-lists': "bring the register's lists in the team's SharePoint site up to date",
};

const ADMIN_GRANT =
  'Your tenant administrator (for NHSmail, the NHSmail team, through a request from your organisation\'s NHSmail local administrator) ' +
  "grants the Digital Services Register app access to this team's site (the Sites.Selected permission, one grant per site).";

const ADMIN_RAISE =
  'Your tenant administrator (for NHSmail, through your organisation\'s NHSmail local administrator) raises the app\'s grant on this ' +
  'team\'s site to "owner" or "fullcontrol" while a team owner runs the setup, then lowers it to "write" again (deployment.md, "The per-site grant").';

export function describeSetupFailure(error: unknown, step: SetupStep, teamName: string): SetupFailureHelp {
  const doing = STEP_WORDS[step];
  if (error instanceof Error && error.name === 'NeedsTeamsError') {
    return {
      title: 'Set the register up from Microsoft Teams',
      missing: `A browser outside Teams cannot find the SharePoint site of ${teamName} with the permissions this app has.`,
      whoCanFix: [`A team owner of ${teamName} adds the Digital Services Register tab to one of its channels in Teams; the tab then remembers where the register is.`],
    };
  }
  if (error instanceof GraphError && (error.status === 403 || error.status === 401)) {
    const detail = `${error.status} ${error.code}${error.requestId ? ` (request id ${error.requestId})` : ''}`;
    const creating = step === 'create-register' || step === 'create-settings' || step === 'update-lists';
    return {
      title: `Permission needed to ${doing}`,
      missing: creating
        ? `Microsoft 365 refused to let you ${doing}. Creating lists and adding columns needs two things: you are an owner of ${teamName}, and the app's grant for this site allows creating lists (the "fullcontrol" or "owner" role while the practice sets up or upgrades), not just reading and writing items ("write").`
        : `Microsoft 365 refused to let you ${doing}. Either you are not a member of ${teamName}, or the app has not yet been granted access to this team's site.`,
      whoCanFix: [
        creating
          ? `A team owner of ${teamName} (usually the practice manager) can run this setup instead, or make you an owner.`
          : `A team owner of ${teamName} (usually the practice manager) can add you to the team.`,
        creating ? ADMIN_RAISE : ADMIN_GRANT,
      ],
      detail,
    };
  }
  if (error instanceof GraphError && error.status === 404 && step === 'team-site') {
    return {
      title: "The team's SharePoint site was not found",
      missing: `${teamName} has no SharePoint site yet. Teams creates it the first time someone opens the team's Files tab.`,
      whoCanFix: ['Anyone in the team can open the Files tab of a channel once, then press Retry here.'],
      detail: `${error.status} ${error.code}`,
    };
  }
  if (error instanceof NetworkError) {
    return { title: `Could not ${doing}`, missing: 'Microsoft 365 could not be reached.', whoCanFix: ['Check your connection, then press Retry.'], detail: error.message };
  }
  return {
    title: `Could not ${doing}`,
    missing: 'Microsoft 365 could not complete the request.',
    whoCanFix: ['Press Retry. If it keeps failing, send the details below to whoever supports your Microsoft 365.'],
    detail: error instanceof GraphError ? `${error.status} ${error.code}` : error instanceof Error ? error.message : String(error),
  };
}

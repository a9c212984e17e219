/**
 * The tab's configuration page: shown by Teams when the tab is added to a channel (frameContext
 * "settings"), or at `?view=config` in a browser. It prepares the team's register, then (in Teams)
 * enables Save, which stores a content URL that already carries the site and list ids.
 */
import { useEffect } from 'react';
import { Button, Card, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useGraphClient } from '../../state/ApiContext';
import { LoadingState } from '../../components/StatusViews';
import type { Host } from '../../teams/detectHost';
import { offerTabSetup, withdrawTabSetup, type TabInstanceConfig } from '../../teams/tabSetup';
import { locationUrl } from '../../state/savedLocation';
import { describeSetupFailure } from '../../state/setupFailure';
import { describeGap } from '@domain/lists';
import { UpToDateStep } from '../../components/PracticeListsNotice';
import { useTabSetup, type SetupResult } from './useTabSetup';
import { TAB_ENTITY_ID } from '../../components/tabIdentity';

const useStyles = makeStyles({
  page: { maxWidth: '40rem', margin: '0 auto', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export const TAB_DISPLAY_NAME = 'Digital services';

/**
 * The URL Teams loads in the tab (contentUrl) and "open in browser" (websiteUrl): the team, site,
 * register and settings list ids, so no later open looks them up (one round trip to a rendered register).
 */
export function tabContentUrl(origin: string, result: SetupResult): string {
  return locationUrl(origin, { teamId: result.team.id, siteId: result.site.id, listId: result.listId, settingsId: result.settingsId });
}

export function tabInstanceConfig(origin: string, result: SetupResult): TabInstanceConfig {
  const contentUrl = tabContentUrl(origin, result);
  return { entityId: TAB_ENTITY_ID, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: TAB_DISPLAY_NAME };
}

export function TabSetupPage(props: { host: Host; origin?: string; groupSiteLookup?: boolean }) {
  const { host } = props;
  const origin = props.origin ?? window.location.origin;
  const styles = useStyles();
  const client = useGraphClient();
  const inTeams = host.kind === 'teams';
  const hostTeam = host.kind === 'teams' && host.teamId ? { id: host.teamId, displayName: host.teamName ?? 'this team' } : null;
  const teamSiteUrl = host.kind === 'teams' ? host.teamSiteUrl : null;
  const { state, retry, chooseTeam, team } = useTabSetup(client, hostTeam, teamSiteUrl, props.groupSiteLookup ?? false);

  useEffect(() => {
    if (!inTeams) return;
    if (state.kind !== 'ready') {
      void withdrawTabSetup();
      return;
    }
    const config = tabInstanceConfig(origin, state.result);
    offerTabSetup(async () => config).catch(() => undefined);
  }, [inTeams, state, origin]);

  if (host.kind === 'teams' && !host.teamId) {
    return (
      <main className={styles.page}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Add the register to a team channel</MessageBarTitle>
            The register lives in a team&apos;s SharePoint site, so it can only be added to a channel of a team, not to a chat or
            meeting.
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  return (
    <main className={styles.page} aria-label="Set up the register">
      <Text as="h2" weight="semibold" size={500}>
        Set up the Digital Services Register
      </Text>
      {state.kind === 'working' ? <LoadingState label={state.label} /> : null}
      {state.kind === 'updating' ? (
        <Card>
          <UpToDateStep gaps={state.gaps} progress={state.progress} running teamName={team?.displayName ?? 'your team'} />
        </Card>
      ) : null}
      {state.kind === 'choose-team' ? (
        <Card>
          <Text>Which team is your practice&apos;s team?</Text>
          <ul className={styles.list} aria-label="Your teams">
            {state.teams.map((team) => (
              <li key={team.id}>
                <Button onClick={() => chooseTeam(team)}>{team.displayName}</Button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {state.kind === 'failed' ? <SetupFailed state={state} onRetry={retry} /> : null}
      {state.kind === 'ready' ? (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{state.result.created ? 'The register is ready' : 'Found the register'}</MessageBarTitle>
            {state.result.created ? 'Created' : 'Using'} the “Digital Services Register” list in the SharePoint site “
            {state.result.site.displayName}” of {state.result.team.displayName}.{' '}
            {state.result.broughtUpToDate.length > 0 && !state.result.created ? (
              <>Brought it up to date: {state.result.broughtUpToDate.map(describeGap).join('; ')}. </>
            ) : null}
            {inTeams ? (
              <>Press Save to add the tab.</>
            ) : (
              <Link href={tabContentUrl(origin, state.result)}>Open the register</Link>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'ready' && state.result.stillMissing ? (
        <Card>
          <UpToDateStep gaps={state.result.stillMissing.gaps} progress={null} running={false} error={state.result.stillMissing.error} teamName={state.result.team.displayName} />
          <Text>Until then the register opens read-only where it lacks columns, and features whose list is missing say so.</Text>
          <Button onClick={retry}>Retry</Button>
        </Card>
      ) : null}
    </main>
  );
}

function SetupFailed(props: { state: Extract<ReturnType<typeof useTabSetup>['state'], { kind: 'failed' }>; onRetry: () => void }) {
  const styles = useStyles();
  const help = describeSetupFailure(props.state.error, props.state.step, props.state.team.displayName);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{help.title}</MessageBarTitle>
        <Text as="p">{help.missing}</Text>
        <Text as="p" weight="semibold">
          Who can fix this
        </Text>
        <ul>
          {help.whoCanFix.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {help.detail ? <span className={styles.detail}>Details for support: {help.detail}</span> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onRetry}>Retry</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Between sign-in and the register: resolves the practice team and its register list, lets a
 * member of several teams choose one, and lets a team owner create a missing register.
 */
import { useEffect } from 'react';
import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useGraphClient } from '../../state/ApiContext';
import type { Workspace } from '../../state/workspace';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { useWorkspaceSteps, type WorkspaceHints } from './useWorkspaceSteps';

const useStyles = makeStyles({
  page: { maxWidth: '36rem', margin: '0 auto', padding: tokens.spacingHorizontalL },
  list: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function WorkspaceSetup(props: { hints: WorkspaceHints; onReady: (workspace: Workspace) => void }) {
  const styles = useStyles();
  const client = useGraphClient();
  const { step, chooseTeam } = useWorkspaceSteps(client, props.hints);
  const { onReady } = props;

  useEffect(() => {
    if (step.kind === 'ready') onReady(step.workspace);
  }, [step, onReady]);

  switch (step.kind) {
    case 'loading':
    case 'ready':
      return <LoadingState label={step.kind === 'loading' ? step.label : 'Opening the register…'} />;
    case 'failed':
      return (
        <div className={styles.page}>
          <ErrorState title="Could not open your practice's register" error={step.error} onRetry={step.retry} />
        </div>
      );
    case 'no-teams':
      return (
        <main className={styles.page}>
          <Card>
            <Text as="h2" weight="semibold" size={500}>
              No practice team found
            </Text>
            <Text>
              {step.me.displayName}, you are not a member of any Microsoft Teams team. Ask your practice manager to add you to
              the practice&apos;s team, then sign in again.
            </Text>
          </Card>
        </main>
      );
    case 'choose-team':
      return (
        <main className={styles.page}>
          <Card>
            <Text as="h2" weight="semibold" size={500}>
              Choose your practice
            </Text>
            <Text>You are a member of several teams. Which team&apos;s register do you want to open?</Text>
            <ul className={styles.list} aria-label="Your teams">
              {step.teams.map((team) => (
                <li key={team.id}>
                  <Button onClick={() => void chooseTeam(step.me, team)}>{team.displayName}</Button>
                </li>
              ))}
            </ul>
          </Card>
        </main>
      );
    case 'open-in-teams':
      return (
        <main className={styles.page}>
          <Card>
            <Text as="h2" weight="semibold" size={500}>
              Open the register in Teams once
            </Text>
            <Text>
              This browser cannot find the SharePoint site of {step.team.displayName} by itself. Open the Digital Services
              Register tab in the team&apos;s channel in Microsoft Teams, then use its “Open in browser” link (or bookmark
              it): that link carries the register&apos;s location, so it opens here straight away.
            </Text>
          </Card>
        </main>
      );
    case 'no-register':
      return (
        <main className={styles.page}>
          <Card>
            <Text as="h2" weight="semibold" size={500}>
              {step.team.displayName} has no register yet
            </Text>
            {step.isOwner ? (
              <>
                <Text>
                  As an owner of this team you can create the register. It is a SharePoint list called “Digital Services
                  Register” in the team&apos;s site, which everyone in the team can then see and edit.
                </Text>
                <Button appearance="primary" onClick={step.create}>
                  Create the register
                </Button>
              </>
            ) : (
              <Text>
                Only an owner of the team (usually the practice manager) can create the register. Ask them to open this tab
                once; after that you can use it too.
              </Text>
            )}
          </Card>
        </main>
      );
  }
}

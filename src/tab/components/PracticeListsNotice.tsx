/**
 * What the person sees when the practice's lists are not up to date (api/practiceLists.tsx):
 * - `UpToDateStep`: the "Bring the register up to date" step itself: what is missing, progress, and
 *   a 403 explained as the setup explains it (who can fix it). The setup page uses it too.
 * - `PracticeListsBanner`: above every view when the register itself is behind (or was opened
 *   read-only because of that).
 * - `PracticeListMissing`: in a feature whose list is missing.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeGap, type ListGap } from '@domain/lists';
import type { UpToDateProgress } from '@graph';
import { registerNeedsUpdate, usePracticeLists } from '../state/practiceLists';
import { describeSetupFailure } from '../state/setupFailure';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export const ASK_AN_OWNER = 'Ask a team owner to open Setup and bring the register up to date.';

/** The missing lists and columns, one line each. */
export function GapList(props: { gaps: readonly ListGap[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="What is missing">
      {props.gaps.map((gap) => (
        <li key={gap.def.name}>{describeGap(gap)}</li>
      ))}
    </ul>
  );
}

/** "Bring the register up to date": the gaps, the progress while adding them, and a failure explained. */
export function UpToDateStep(props: { gaps: readonly ListGap[]; progress: UpToDateProgress | null; running: boolean; error?: unknown; teamName: string }) {
  const styles = useStyles();
  const help = props.error === undefined ? null : describeSetupFailure(props.error, 'update-lists', props.teamName);
  return (
    <section className={styles.step} aria-label="Bring the register up to date">
      <Text as="h3" weight="semibold">
        Bring the register up to date
      </Text>
      <Text>This version of the register keeps information your practice&apos;s SharePoint site has no place for yet:</Text>
      <GapList gaps={props.gaps} />
      {props.running ? (
        <ProgressBar
          aria-label="Bringing the register up to date"
          value={props.progress && props.progress.total > 0 ? props.progress.done / props.progress.total : undefined}
          thickness="large"
        />
      ) : null}
      {props.running && props.progress ? (
        <Text role="status">
          {props.progress.doing} ({props.progress.done} of {props.progress.total})
        </Text>
      ) : null}
      {help ? (
        <div role="alert">
          <Text as="p" weight="semibold">
            {help.title}
          </Text>
          <Text as="p">{help.missing}</Text>
          <Text as="p" weight="semibold">
            Who can fix this
          </Text>
          <ul className={styles.list}>
            {help.whoCanFix.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {help.detail ? <span className={styles.detail}>Details for support: {help.detail}</span> : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * Above every view: shown only when the register or its settings list is behind, or when the
 * register was opened read-only because of that (`readOnly`).
 */
export function PracticeListsBanner(props: { readOnly?: boolean }) {
  const { state, canUpdate, update, updated, teamName } = usePracticeLists();
  const behind = (state.kind === 'needs-update' || state.kind === 'updating') && registerNeedsUpdate(state.gaps);
  if (props.readOnly && updated && !behind) {
    return (
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>The register is up to date</MessageBarTitle>
          Reload it to edit entries again.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => window.location.reload()}>Reload the register</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!behind && !props.readOnly) return null;
  const running = state.kind === 'updating';
  const gaps = state.kind === 'needs-update' || state.kind === 'updating' ? state.gaps : [];
  const error = state.kind === 'needs-update' ? state.error : undefined;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.readOnly ? 'The register is open read-only' : 'The register needs bringing up to date'}</MessageBarTitle>
        {props.readOnly
          ? 'It was made by an older version of this app and lacks columns this version writes, so changes cannot be saved until it is brought up to date. '
          : 'It was made by an older version of this app: saving may fail until it is brought up to date. '}
        {canUpdate ? null : ASK_AN_OWNER}
        {gaps.length > 0 ? <UpToDateStep gaps={gaps} progress={state.kind === 'updating' ? state.progress : null} running={running} error={error} teamName={teamName} /> : null}
      </MessageBarBody>
      {canUpdate && !running && gaps.length > 0 ? (
        <MessageBarActions>
          <Button onClick={update}>{error === undefined ? 'Bring the register up to date' : 'Retry'}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/**
 * In a feature whose list the site does not have yet (or lacks columns):
 * `<PracticeListMissing feature="Incidents" listName={INCIDENTS_LIST.name} />`.
 */
export function PracticeListMissing(props: { feature: string; listName: string }) {
  const { state, canUpdate, update, teamName } = usePracticeLists();
  const gaps = state.kind === 'needs-update' || state.kind === 'updating' ? state.gaps : [];
  const running = state.kind === 'updating';
  const error = state.kind === 'needs-update' ? state.error : undefined;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.feature} is not set up in this team yet</MessageBarTitle>
        {`Its SharePoint list (“${props.listName}”) is missing or made by an older version. `}
        {canUpdate ? 'As a team owner you can add it now.' : ASK_AN_OWNER}
        {canUpdate && gaps.length > 0 && (running || error !== undefined) ? (
          <UpToDateStep gaps={gaps} progress={state.kind === 'updating' ? state.progress : null} running={running} error={error} teamName={teamName} />
        ) : null}
      </MessageBarBody>
      {canUpdate && !running && gaps.length > 0 ? (
        <MessageBarActions>
          <Button onClick={update}>Bring the register up to date</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

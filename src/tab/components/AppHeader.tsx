/** The header: the practice (team) name, who is signed in and a way to sign out. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The main heading's id: focus moves to it after sign-in, so a screen reader starts at the top. */
export const APP_HEADING_ID = 'app-heading';

export function AppHeader(props: { practiceName?: string; userName?: string; onSignOut?: () => void }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        {/* tabIndex -1: focusable from script (after sign-in, App.tsx) but not a Tab stop. */}
        <Text as="h1" id={APP_HEADING_ID} tabIndex={-1} weight="semibold" size={400}>
          Digital Services Register
        </Text>
        {props.practiceName ? <Text size={200}>{props.practiceName}</Text> : null}
      </div>
      {props.userName || props.onSignOut ? (
        <div className={styles.user}>
          {props.userName ? <Text size={200}>Signed in as {props.userName}</Text> : null}
          {props.onSignOut ? (
            <Button appearance="secondary" size="small" onClick={props.onSignOut}>
              Sign out
            </Button>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}

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

export function AppHeader(props: { practiceName?: string; userName?: string; onSignOut?: () => void }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={400}>
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

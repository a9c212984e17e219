/**
 * What the map says in words above the drawing: the cycles (allowed, shown, never followed
 * forever), the links to retired or deleted services that need checking, and the legend of line
 * styles, so nothing on the map is told by colour or line shape alone.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DependencyCycle, DependencyProblem } from '@domain/dependencies';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none', alignItems: 'center' },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '28px', height: '0', borderTopWidth: '2px', borderTopColor: tokens.colorNeutralForeground2 },
  cycleSwatch: { display: 'inline-block', width: '28px', height: '0', borderTop: `3px solid ${tokens.colorPaletteRedBorder2}` },
  criticalSwatch: {
    display: 'inline-block', width: '20px', height: '12px', border: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

const MAX_LISTED = 8;

export function CycleNote(props: { cycles: readonly DependencyCycle[] }) {
  const styles = useStyles();
  if (props.cycles.length === 0) return null;
  const { cycles } = props;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{cycles.length === 1 ? 'One cycle' : `${cycles.length} cycles`}</MessageBarTitle>
        Services that depend on each other in a loop. That is allowed; the map draws these links thick and red, and
        "what else breaks" lists each service once.
        <ul className={styles.list}>
          {cycles.slice(0, MAX_LISTED).map((cycle) => (
            <li key={cycle.entryIds.join('|')}>{cycle.loopTitles.join(' → ')}</li>
          ))}
          {cycles.length > MAX_LISTED ? <li>and {cycles.length - MAX_LISTED} more (see the list view)</li> : null}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function ProblemNote(props: { problems: readonly DependencyProblem[] }) {
  const styles = useStyles();
  if (props.problems.length === 0) return null;
  const { problems } = props;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{problems.length === 1 ? 'One link needs checking' : `${problems.length} links need checking`}</MessageBarTitle>
        <ul className={styles.list}>
          {problems.slice(0, MAX_LISTED).map((problem) => (
            <li key={`${problem.entryId}-${problem.index}`}>
              {problem.entryTitle || '(no name)'}: {problem.message}
            </li>
          ))}
          {problems.length > MAX_LISTED ? <li>and {problems.length - MAX_LISTED} more (see the list view)</li> : null}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function MapLegend() {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label="Map legend">
      <li className={styles.key}>
        <span className={styles.criticalSwatch} aria-hidden="true" />
        <Text>Critical service (also says “Critical”)</Text>
      </li>
      <li className={styles.key}>
        <span className={styles.swatch} style={{ borderTopStyle: 'solid' }} aria-hidden="true" />
        <Text>Integration</Text>
      </li>
      <li className={styles.key}>
        <span className={styles.swatch} style={{ borderTopStyle: 'dashed' }} aria-hidden="true" />
        <Text>Shared login</Text>
      </li>
      <li className={styles.key}>
        <span className={styles.swatch} style={{ borderTopStyle: 'dotted' }} aria-hidden="true" />
        <Text>Shared infrastructure</Text>
      </li>
      <li className={styles.key}>
        <span className={styles.cycleSwatch} aria-hidden="true" />
        <Text>On a cycle</Text>
      </li>
      <li>
        <Text>Arrows point from a service to what it depends on.</Text>
      </li>
    </ul>
  );
}

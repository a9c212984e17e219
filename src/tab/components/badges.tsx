/** Review status and risk flags as badges that carry their meaning in words, not colour alone. */
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { LIFECYCLES, REVIEW_STATUSES, RISK_FLAGS, labelOf, type Lifecycle, ownerLeftLabel, type OwnerLeftReason, type ReviewStatus, type RiskFlag } from '@domain';

const STATUS_COLOURS: Record<ReviewStatus, BadgeProps['color']> = {
  'up-to-date': 'success',
  'due-soon': 'warning',
  overdue: 'danger',
  'not-set': 'subtle',
};

const useStyles = makeStyles({
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  // On a phone a long flag wraps inside its badge rather than pushing the table wider than the screen.
  badge: { whiteSpace: 'nowrap', '@media (max-width: 480px)': { whiteSpace: 'normal', height: 'auto', minHeight: '20px' } },
  // A long flag ("Owner left (deleted from the directory)") wraps inside its badge rather than running
  // past the edge of its cell.
  wrapping: { whiteSpace: 'normal', height: 'auto', minHeight: '20px', maxWidth: '100%', textAlign: 'start', paddingBlock: '1px' },
});

const LIFECYCLE_COLOURS: Record<Exclude<Lifecycle, 'live'>, BadgeProps['color']> = {
  proposed: 'informative',
  trial: 'brand',
  retiring: 'warning',
  retired: 'subtle',
};

/**
 * A service's lifecycle stage in words ("Retired", "Trial"...) on every row that is not live, so a
 * retired service never looks like one in use. Nothing for a live service: that is the usual case.
 */
export function LifecycleBadge(props: { lifecycle: Lifecycle }) {
  const styles = useStyles();
  if (props.lifecycle === 'live') return null;
  return (
    <Badge className={styles.badge} appearance="outline" color={LIFECYCLE_COLOURS[props.lifecycle] ?? 'subtle'} shape="rounded" data-lifecycle={props.lifecycle}>
      {labelOf(LIFECYCLES, props.lifecycle)}
    </Badge>
  );
}

export function ReviewStatusBadge(props: { status: ReviewStatus }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={STATUS_COLOURS[props.status]} shape="rounded">
      {labelOf(REVIEW_STATUSES, props.status)}
    </Badge>
  );
}

/**
 * @param ownerLeft why the owner has left, named on the owner-left badge ("Owner left (account disabled)").
 * @param wrap false keeps each badge on one line: a windowed table needs rows whose height does not
 *   depend on which other rows are rendered (wrapping makes column widths, and so heights, shift).
 */
export function RiskFlagBadges(props: { flags: readonly RiskFlag[]; ownerLeft?: OwnerLeftReason | null; wrap?: boolean }) {
  const styles = useStyles();
  if (props.flags.length === 0) return <span>None</span>;
  return (
    <ul className={styles.flags} aria-label="Risk flags">
      {props.flags.map((flag) => {
        const info = RISK_FLAGS.find((candidate) => candidate.code === flag);
        return (
          <li key={flag}>
            <Badge className={props.wrap === false ? styles.badge : styles.wrapping} appearance="outline" color="danger" shape="rounded" title={info?.description}>
              {flag === 'owner-left' && props.ownerLeft ? ownerLeftLabel(props.ownerLeft) : (info?.label ?? flag)}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}

/** One of the ten questions: the answer in words, what the register cannot tell, and the entries behind each gap. */
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MaturityAnswer, MaturityGap } from '@domain';
import type { RegisterFilters } from '../../state/registerFilters';

const OUTCOME: Record<MaturityAnswer['outcome'], { label: string; color: 'success' | 'warning' | 'informative' }> = {
  answered: { label: 'Answered', color: 'success' },
  gaps: { label: 'Gaps to fill', color: 'warning' },
  partial: { label: 'Partly answered', color: 'informative' },
};

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  entries: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  gap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  cannot: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export interface GapNavigation {
  /** Opens the register with `filters` applied, and the entry `entryId` when given. */
  readonly open: (filters: Partial<RegisterFilters>, entryId?: string) => void;
  readonly titleOf: (entryId: string) => string;
}

function GapBlock(props: { gap: MaturityGap; navigation: GapNavigation }) {
  const styles = useStyles();
  const { gap, navigation } = props;
  const filter: Partial<RegisterFilters> | null = gap.flag ? { flag: gap.flag } : gap.status ? { status: gap.status } : null;
  const count = gap.entryIds.length;
  return (
    <div className={styles.gap}>
      <Text weight="semibold">
        {gap.label}: {count}
      </Text>
      <ul className={styles.entries} aria-label={gap.label}>
        {gap.entryIds.map((id) => (
          <li key={id}>
            <Link as="button" onClick={() => navigation.open({}, id)}>
              {navigation.titleOf(id)}
            </Link>
          </li>
        ))}
      </ul>
      {filter ? (
        <div>
          <Button size="small" onClick={() => navigation.open(filter)}>
            {`Show ${count === 1 ? 'this service' : `these ${count} services`} in the register`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function QuestionCard(props: { answer: MaturityAnswer; index: number; navigation: GapNavigation }) {
  const styles = useStyles();
  const { answer } = props;
  const outcome = OUTCOME[answer.outcome];
  return (
    <li className={styles.card} aria-labelledby={`question-${answer.id}`}>
      <h3 className={styles.heading} id={`question-${answer.id}`}>
        <Text size={400} weight="semibold">
          {props.index + 1}. {answer.question}
        </Text>
        <Badge appearance="tint" shape="rounded" color={outcome.color}>
          {outcome.label}
        </Badge>
      </h3>
      <Text>{answer.summary}</Text>
      {answer.cannotTell ? <Text className={styles.cannot}>{answer.cannotTell}</Text> : null}
      {answer.gaps.map((gap) => (
        <GapBlock key={gap.label} gap={gap} navigation={props.navigation} />
      ))}
    </li>
  );
}

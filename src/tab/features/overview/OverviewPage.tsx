/**
 * The overview: the ten questions a digitally mature practice can answer from its register, each
 * answered from the data with the entries behind any gap one click away; counts of risk flags and
 * review states (a chart with the same numbers in a table); and the services whose owner has left.
 */
import { useMemo } from 'react';
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { answerTenQuestions, countFlags, countReviewStates, withDowntimeUsedForReal, type MaturityRow } from '@domain';
import { useIncidentSlots } from '../../components/incidentSlots';
import { useRegisterData } from '../../state/registerData';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useOpenRegisterWith } from '../../state/registerFilters';
import { OwnerLeftNote } from '../../components/OwnerLeftNote';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { BarChart } from './BarChart';
import { QuestionCard, type GapNavigation } from './QuestionCard';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  questions: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  charts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function OverviewPage() {
  const styles = useStyles();
  const { state, today, reload } = useRegisterData();
  const openRegister = useOpenRegisterWith();
  const rows: MaturityRow[] = useMemo(
    () => (state.kind === 'ready' ? state.rows.map((row) => ({ id: row.stored.id, entry: row.stored.entry, status: row.status, flags: row.flags })) : []),
    [state],
  );
  // Question 8 says when the downtime process was used for real (incidents, through incidentSlots).
  const { incidents } = useIncidentSlots();
  // Questions 7 and 9 answer from the access reviews and change records once they are loaded.
  const { records } = usePracticeRecords();
  const evidence = useMemo(
    () => ({ changes: records?.changes?.map((stored) => stored.change), accessReviews: records?.accessReviews ?? undefined }),
    [records],
  );
  const answers = useMemo(() => withDowntimeUsedForReal(answerTenQuestions(rows, today, evidence), incidents, today), [rows, today, evidence, incidents]);
  const flagCounts = useMemo(() => countFlags(rows), [rows]);
  const statusCounts = useMemo(() => countReviewStates(rows), [rows]);
  const orphaned = rows.filter((row) => row.flags.includes('owner-left'));
  const leftById = new Map(state.kind === 'ready' ? state.rows.map((row) => [row.stored.id, row] as const) : []);
  const navigation: GapNavigation = useMemo(() => {
    const titles = new Map(rows.map((row) => [row.id, row.entry.title || '(no name)']));
    return { open: openRegister, titleOf: (id) => titles.get(id) ?? id };
  }, [rows, openRegister]);

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        Overview
      </Text>
      {state.kind === 'loading' ? <LoadingState label="Loading the register…" /> : null}
      {state.kind === 'failed' ? <ErrorState title="Could not load the register" error={state.error} onRetry={reload} /> : null}
      {state.kind === 'ready' && rows.length === 0 ? (
        <Text>
          The register is empty, so none of the ten questions can be answered yet. Add the services the practice relies on in
          the Register view, starting with the clinical system, telephony and online consultation.
        </Text>
      ) : null}
      {state.kind === 'ready' && rows.length > 0 ? (
        <>
          <section className={styles.section} aria-labelledby="questions-heading">
            <Text as="h3" size={400} weight="semibold" id="questions-heading">
              Ten questions a digitally mature practice can answer
            </Text>
            <ol className={styles.questions}>
              {answers.map((answer, index) => (
                <QuestionCard key={answer.id} answer={answer} index={index} navigation={navigation} />
              ))}
            </ol>
          </section>
          <section className={styles.section} aria-labelledby="orphaned-heading">
            <Text as="h3" size={400} weight="semibold" id="orphaned-heading">
              Services whose owner has left
            </Text>
            {orphaned.length === 0 ? (
              <Text>None: every named owner is still in the practice team.</Text>
            ) : (
              <ul className={styles.list}>
                {orphaned.map((row) => (
                  <li key={row.id}>
                    <Link as="button" onClick={() => openRegister({}, row.id)}>
                      {row.entry.title || '(no name)'}
                    </Link>{' '}
                    <Text>
                      (owner {row.entry.owner?.displayName ?? 'unknown'}
                      {row.entry.deputy ? `; deputy ${row.entry.deputy.displayName} can cover` : '; no deputy'})
                    </Text>{' '}
                    {(() => {
                      const full = leftById.get(row.id);
                      return full?.ownerLeft ? <OwnerLeftNote stored={full.stored} reason={full.ownerLeft} /> : null;
                    })()}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="counts-heading">
            <Text as="h3" size={400} weight="semibold" id="counts-heading">
              Reviews and risk flags
            </Text>
            <div className={styles.charts}>
              <BarChart title="Review states" data={statusCounts} />
              <BarChart title="Risk flags" data={flagCounts} />
            </div>
          </section>
        </>
      ) : null}
    </main>
  );
}

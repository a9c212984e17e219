/**
 * Exports: the register as CSV or Excel (the rows the register view currently shows: its search and
 * filters apply), DSPT 7.1.1 evidence and the ICB annual digital review summary (always the whole
 * register). Every text cell is neutralised against formula injection by the writers.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { dsptEvidence, dsptWithIncidents, icbSummary, registerTable, withIncidentSection, withTrainingAndChangeSections } from '@domain/export';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useIncidentSlots } from '../../components/incidentSlots';
import { toCsv, type RegisterEntry } from '@domain';
import { useRegisterData } from '../../state/registerData';
import { useRegisterFilters } from '../../state/registerFilters';
import { CSV_TYPE, XLSX_TYPE, downloadFile, fileSlug } from '../../components/download';
import { ErrorState, LoadingState } from '../../components/StatusViews';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

interface Table {
  readonly name: string;
  readonly rows: string[][];
  readonly boldRows: number[];
}

export function ExportPage() {
  const styles = useStyles();
  const { workspace, today, state, reload } = useRegisterData();
  const filtered = useRegisterFilters();
  const [error, setError] = useState<string | null>(null);
  const { incidents } = useIncidentSlots();
  const { records, changesList } = usePracticeRecords();
  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;

  const practice = workspace.team.displayName;
  const slug = `${fileSlug(practice)}-${today}`;
  const all: RegisterEntry[] = state.rows.map((row) => row.stored.entry);
  const leftOwner = new Set(state.rows.filter((row) => row.ownerLeft !== null).map((row) => row.stored.entry));
  const context = { practice, today, ownerLeft: (entry: RegisterEntry) => leftOwner.has(entry) };
  const shown = filtered.rows.map((row) => row.stored.entry);

  const save = async (table: Table, format: 'csv' | 'xlsx', base: string) => {
    setError(null);
    try {
      if (format === 'csv') downloadFile(`${base}.csv`, toCsv(table.rows, { bom: true }), CSV_TYPE);
      else {
        const { writeXlsx } = await import('@domain/spreadsheetFiles');
        downloadFile(`${base}.xlsx`, await writeXlsx([table]), XLSX_TYPE);
      }
    } catch (problem) {
      setError(`The file could not be made: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
  };
  const register: Table = { name: 'Register', rows: registerTable(shown), boldRows: [0] };
  // Incidents join the evidence as their own sections (domain/export/incidentEvidence.ts).
  const dspt = (({ rows, boldRows }) => ({ name: 'DSPT 7.1.1 evidence', rows, boldRows }))(dsptWithIncidents(dsptEvidence(all, context), incidents, today));
  // No Changes list (an older register) means no records; a list not yet read is said so in the file.
  const changes = changesList === 'missing' ? [] : changesList === 'ready' ? (records?.changes ?? []).map((stored) => stored.change) : null;
  const withSections = withTrainingAndChangeSections(withIncidentSection(icbSummary(all, context), incidents, today), state.rows.map((row) => row.stored), changes, today);
  const summary: Table = { name: 'ICB summary', rows: withSections.rows, boldRows: [0, ...withSections.headingRows] };

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        Export
      </Text>
      {error ? <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar> : null}
      <section className={styles.section} aria-labelledby="export-register">
        <Text as="h3" id="export-register" size={400} weight="semibold">The register</Text>
        <Text role="status">
          {filtered.activeCount > 0
            ? `${shown.length} of ${all.length} services: the search and filters set in the Register view apply.`
            : `All ${all.length} services.`}{' '}
          The columns match the import, so the file can be edited and imported again.
        </Text>
        <div className={styles.bar}>
          <Button onClick={() => void save(register, 'csv', `register-${slug}`)}>Download CSV</Button>
          <Button onClick={() => void save(register, 'xlsx', `register-${slug}`)}>Download Excel (.xlsx)</Button>
        </div>
      </section>
      <section className={styles.section} aria-labelledby="export-dspt">
        <Text as="h3" id="export-dspt" size={400} weight="semibold">DSPT 7.1.1 evidence</Text>
        <Text>
          The whole register with owners, deputies, data processed, DPIA and review dates, headed with the practice and today’s
          date, then the incidents of the last 12 months (the downtime process used for real), to upload as evidence for the
          Data Security and Protection Toolkit.
        </Text>
        <div className={styles.bar}>
          <Button onClick={() => void save(dspt, 'xlsx', `dspt-7-1-1-${slug}`)}>DSPT evidence (.xlsx)</Button>
          <Button onClick={() => void save(dspt, 'csv', `dspt-7-1-1-${slug}`)}>DSPT evidence (CSV)</Button>
        </div>
      </section>
      <section className={styles.section} aria-labelledby="export-icb">
        <Text as="h3" id="export-icb" size={400} weight="semibold">Summary for the ICB’s annual digital review</Text>
        <Text>Counts by provision, category, lifecycle and criticality; the gaps (no owner, no DPIA, no downtime process, reviews overdue); common services the register does not list; under business continuity and incident management, the incidents of the last 12 months; under training, each service’s training or quick guide, when staff were trained and its escalation route; and under change management, the changes of the last 12 months with how each was tested and which live services have no go-live record.</Text>
        <div className={styles.bar}>
          <Button onClick={() => void save(summary, 'xlsx', `icb-summary-${slug}`)}>ICB summary (.xlsx)</Button>
          <Button onClick={() => void save(summary, 'csv', `icb-summary-${slug}`)}>ICB summary (CSV)</Button>
        </div>
      </section>
    </main>
  );
}

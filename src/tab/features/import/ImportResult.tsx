/** After writing: what was and was not imported, a CSV report to keep, and a retry after an interruption. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { toCsv } from '@domain';
import { importReportTable, type ImportItem, type ImportRunResult } from '@usecases';
import { CSV_TYPE, downloadFile, openView } from '../../components/download';

const useStyles = makeStyles({ bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM } });

export function ImportResult(props: {
  fileName: string;
  result: ImportRunResult;
  items: readonly ImportItem[];
  /** Where each row's filled cells went, by row number (from describeRowCells). */
  cells?: ReadonlyMap<number, string>;
  onRetry: () => void;
  onAnother: () => void;
}) {
  const styles = useStyles();
  const { outcomes, complete } = props.result;
  const count = (kind: string) => outcomes.filter((row) => row.outcome === kind).length;
  const failed = outcomes.find((row) => row.outcome === 'failed');
  const report = () => downloadFile(`import-report-${props.fileName.replace(/\.[^.]+$/, '')}.csv`, toCsv(importReportTable(outcomes, props.cells), { bom: true }), CSV_TYPE);
  return (
    <section aria-labelledby="import-result-heading">
      <Text as="h3" block id="import-result-heading" size={400} weight="semibold">
        {complete ? 'Import finished' : 'Import interrupted'}
      </Text>
      <MessageBar intent={complete ? 'success' : 'warning'} role={complete ? 'status' : 'alert'}>
        <MessageBarBody>
          <MessageBarTitle>
            {count('imported')} imported, {count('merged') > 0 ? `${count('merged')} merged, ` : ''}{count('skipped')} not imported
            {complete ? '' : `, ${count('failed') + count('not-attempted')} still to do`}
          </MessageBarTitle>
          {failed ? `Stopped at row ${failed.rowNumber}: ${failed.message}. Retry to finish: rows already imported are not imported twice.` : null}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.bar}>
        {!complete ? <Button appearance="primary" onClick={props.onRetry}>Retry the rest</Button> : null}
        <Button onClick={report}>Download the report (CSV)</Button>
        <Button onClick={() => openView('register')}>Open the register</Button>
        <Button onClick={props.onAnother}>Import another file</Button>
      </div>
    </section>
  );
}

/**
 * Import from the spreadsheet the practice already has (XLSX or CSV): choose the file, check the
 * columns, preview every row, confirm, and watch it write. See useImport for the steps.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeRowCells } from '@domain';
import { useRegisterData } from '../../state/registerData';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { ColumnMapping } from './ColumnMapping';
import { FilePicker } from './FilePicker';
import { ImportPreview } from './ImportPreview';
import { ImportResult } from './ImportResult';
import { useImport } from './useImport';
import { useAudit } from '../../state/auditData';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
});

function Progress(props: { label: string; done: number; total: number }) {
  return (
    <div role="status">
      <Text block>{props.label}</Text>
      <ProgressBar value={props.total === 0 ? undefined : props.done / props.total} aria-label={props.label} />
    </div>
  );
}

export function ImportPage() {
  const styles = useStyles();
  const { state, reload } = useRegisterData();
  const flow = useImport();
  const audit = useAudit();
  const { step, file } = flow;
  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;
  return (
    <main className={styles.page}>
      <Text as="h2" block size={500} weight="semibold">
        Import from a spreadsheet
      </Text>
      {step.kind === 'choose' ? (
        <>
          <Text as="p" block>
            Bring in the register the practice keeps in Excel or as CSV. You will check the columns and see every row, with any
            problems, before anything is saved.
          </Text>
          {!audit.isManager ? (
            <Text as="p" block role="note">
              By the practice&apos;s convention managers (team owners) import, because an import names owners for many services
              at once. If you import, the import is recorded with your name and flagged for a manager, who can undo it.
            </Text>
          ) : null}
          <FilePicker disabled={step.reading} onFile={(picked) => void flow.choose(picked)} />
          {step.reading ? <LoadingState label="Reading the file…" /> : null}
          {step.error ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>This file cannot be imported</MessageBarTitle>
                {step.error}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
      {step.kind === 'map' && file ? (
        <ColumnMapping
          sheet={file.sheet}
          headerIndex={file.headerIndex}
          headers={step.headers}
          mapping={step.mapping}
          onChange={flow.setMapping}
          onConfirm={() => void flow.preview(step.mapping)}
          onCancel={flow.restart}
        />
      ) : null}
      {step.kind === 'looking' ? <Progress label={`Looking up owners in the directory: ${step.done} of ${step.total}`} done={step.done} total={step.total} /> : null}
      {step.kind === 'preview' && file ? (
        <ImportPreview
          fileName={file.name}
          notes={file.sheet.notes}
          rows={step.rows}
          people={step.people}
          lookupFailed={flow.lookupError !== null}
          headerCells={file.sheet.rows[file.headerIndex]?.cells ?? []}
          itemsFor={(includeWarnings, chosen, choices) => flow.itemsFor(step.rows, step.people, includeWarnings, chosen, choices)}
          onConfirm={(items) => void flow.write(items)}
          onBack={flow.backToMapping}
        />
      ) : null}
      {step.kind === 'writing' ? <Progress label={`Writing ${step.done} of ${step.total}`} done={step.done} total={step.total} /> : null}
      {step.kind === 'done' && file ? (
        <ImportResult
          fileName={file.name}
          result={step.result}
          items={step.items}
          cells={new Map(flow.planned.map((row) => [row.rowNumber, describeRowCells(row, file.sheet.rows[file.headerIndex]?.cells ?? [])]))}
          onRetry={() => void flow.write(step.items)} onAnother={flow.restart} />
      ) : null}
      {step.kind !== 'choose' && step.kind !== 'writing' && step.kind !== 'done' ? <Button appearance="subtle" onClick={flow.restart}>Cancel the import</Button> : null}
    </main>
  );
}

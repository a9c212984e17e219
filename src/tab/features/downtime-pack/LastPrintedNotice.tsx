/**
 * What the Downtime pack page says about the last print: "Last printed 3 March 2026 at 14:05 by
 * Priya Shah; 2 cards have changed since: EMIS Web, Docman", plus whether this print was recorded,
 * and a plain note whenever the record is kept in this browser only.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { formatLocalDate, londonDateOf } from '@domain';
import type { PackCard, PrintRecord } from '@domain/export';
import { describeError } from '../../state/describeError';
import { FailureMessage } from '../../components/StatusViews';
import type { LocalReason, PrintMemory, SaveState } from './lastPrinted';

function londonTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/** "Last printed 3 March 2026 at 14:05 by Priya Shah" (no "by" when the record does not say who). */
export function lastPrintedWords(record: PrintRecord): string {
  const at = new Date(record.printedAt);
  const by = record.printedBy ? ` by ${record.printedBy}` : '';
  return `Last printed ${formatLocalDate(londonDateOf(at))} at ${londonTime(at)}${by}`;
}

function localReasonWords(reason: LocalReason): string {
  if (reason.why === 'not-set-up') {
    return "The practice's shared settings list has not been set up yet, and only a team owner (the practice manager) can create it: it is created when an owner prints the pack or sets up the tab.";
  }
  const { message } = describeError(reason.error);
  if (reason.why === 'unreadable') return `The practice's shared settings could not be read. ${message}`;
  if (reason.why === 'cannot-create') return `The practice's shared settings list could not be created. ${message}`;
  return `The print could not be recorded in the practice's shared settings. ${message}`;
}

export function LastPrintedNotice(props: {
  memory: PrintMemory;
  save: SaveState;
  changed: readonly PackCard[];
  onReload: () => void;
  onRetrySave: () => void;
}) {
  const { memory, save, changed } = props;
  if (memory.kind === 'loading') return <Spinner size="tiny" labelPosition="after" label="Checking when the pack was last printed…" />;
  const local = memory.kind === 'local';
  const record = memory.record;
  return (
    <>
      {record === null ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{local ? 'The pack has not been printed from this browser yet.' : 'The pack has not been printed yet.'}</MessageBarBody>
        </MessageBar>
      ) : changed.length > 0 ? (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            <MessageBarTitle>
              {lastPrintedWords(record)}; {changed.length === 1 ? '1 card has' : `${changed.length} cards have`} changed since: {changed.map((card) => card.title).join(', ')}
            </MessageBarTitle>
            Reprint those pages, or the whole pack.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{lastPrintedWords(record)}; no card has changed since.</MessageBarBody>
        </MessageBar>
      )}
      {local ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Remembered in this browser only</MessageBarTitle>
            {localReasonWords(memory.reason)} So when the pack was last printed is kept in this browser, and others in the practice do not see it.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onReload}>Try the shared record again</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {save.kind === 'saving' ? <Spinner size="tiny" labelPosition="after" label="Recording this print in the register…" /> : null}
      {save.kind === 'failed' ? (
        <FailureMessage
          title="This print was not recorded"
          message={`The pack printed, but the register could not record the print, so others in the practice will not see it and changed cards are still counted from the earlier print. ${describeError(save.error).message}`}
          onRetry={props.onRetrySave}
        />
      ) : null}
    </>
  );
}

/**
 * What an export button does while it works: "Preparing…" while the file is made (the XLSX writer
 * loads on first use), a plain error if it could not be made (nothing is lost: press again), and the
 * in-tab printable view of a pack. Shared by the network's exports and each practice's pack buttons.
 */
import { useCallback, useRef, useState } from 'react';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Button, Spinner } from '@fluentui/react-components';
import type { ReviewPack } from '@domain/network';
import type { SheetTable } from '@domain/spreadsheetFiles';
import { downloadSheets } from './packFiles';
import { PrintablePackView } from './PrintablePackView';

interface Failure {
  readonly what: string;
  readonly message: string;
}

export interface PackExport {
  /** What is being prepared ("ICB review pack for Riverside Medical Practice"), or null. */
  readonly preparing: string | null;
  readonly failure: Failure | null;
  readonly printing: ReviewPack | null;
  download(what: string, fileName: string, makeSheets: () => readonly SheetTable[]): Promise<void>;
  print(what: string, makePack: () => ReviewPack): void;
  closePrint(): void;
  dismiss(): void;
}

function messageOf(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}

export function usePackExport(): PackExport {
  const [preparing, setPreparing] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [printing, setPrinting] = useState<ReviewPack | null>(null);
  // A second press while a file is being made is ignored rather than making two files.
  const busy = useRef(false);

  const download = useCallback(async (what: string, fileName: string, makeSheets: () => readonly SheetTable[]) => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    setPreparing(what);
    try {
      await downloadSheets(fileName, makeSheets());
    } catch (problem) {
      setFailure({ what, message: `The file could not be made: ${messageOf(problem)}. Nothing was changed; try again.` });
    } finally {
      busy.current = false;
      setPreparing(null);
    }
  }, []);

  const print = useCallback((what: string, makePack: () => ReviewPack) => {
    setFailure(null);
    try {
      setPrinting(makePack());
    } catch (problem) {
      setFailure({ what, message: `The printable page could not be made: ${messageOf(problem)}.` });
    }
  }, []);

  const closePrint = useCallback(() => setPrinting(null), []);
  const dismiss = useCallback(() => setFailure(null), []);
  return { preparing, failure, printing, download, print, closePrint, dismiss };
}

/** The progress, the failure and the printable view of one `usePackExport`. */
export function PackExportFeedback(props: { state: PackExport }) {
  const { preparing, failure, printing, closePrint, dismiss } = props.state;
  return (
    <>
      <div role="status" aria-live="polite">
        {preparing ? <Spinner size="tiny" labelPosition="after" label={`Preparing ${preparing}…`} /> : null}
      </div>
      {failure ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{`Could not export the ${failure.what}`}</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={dismiss}>Dismiss</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <PrintablePackView pack={printing} onClose={closePrint} />
    </>
  );
}

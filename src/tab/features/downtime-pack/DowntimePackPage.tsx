/**
 * The printable downtime pack: one A4 page per live service, most critical first, for the day a
 * system (or Teams itself) is down. Print it, or save it as PDF from the browser's print dialog.
 * Every page carries the practice, the register version, the print date and the page number. The
 * page says when the pack was last printed here and which services changed since.
 */
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatLocalDate } from '../../../domain';
import { changedSincePrint, downtimeCards, printRecordOf } from '../../../domain/export';
import { useRegisterData } from '../../api/registerData';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { useLastPrinted } from './lastPrinted';
import { PackCardView, type PackStamp } from './PackCardView';
import { PACK_CSS, PRINT_ROOT_CLASS } from './printStyles';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  preview: {
    padding: tokens.spacingHorizontalL, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#fff', color: '#000',
  },
});

function londonDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Puts the pack stylesheet in the document while the view is open. */
function usePackStylesheet(): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.dsr = 'downtime-pack';
    style.textContent = PACK_CSS;
    document.head.append(style);
    return () => style.remove();
  }, []);
}

export function DowntimePackPage() {
  const styles = useStyles();
  const { workspace, today, state, reload } = useRegisterData();
  const { lastPrinted, markPrinted } = useLastPrinted(workspace.location.listId);
  usePackStylesheet();
  const cards = useMemo(() => (state.kind === 'ready' ? downtimeCards(state.rows.map((row) => row.stored)) : []), [state]);
  const changed = changedSincePrint(cards, lastPrinted);
  const latest = cards.reduce((max, card) => (card.modifiedAt > max ? card.modifiedAt : max), '');
  const stamp: PackStamp = {
    practice: workspace.team.displayName,
    version: latest ? `Register version ${londonDateTime(latest)}` : 'Register version: empty',
    printed: `Printed ${formatLocalDate(today)}`,
  };
  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;

  const print = () => {
    markPrinted(printRecordOf(cards, new Date()));
    window.print();
  };
  const pages = cards.map((card, index) => <PackCardView key={card.id} card={card} stamp={stamp} page={index + 1} pages={cards.length} />);
  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">Downtime pack</Text>
      <Text>
        One page per live service, most critical first: how you will notice it is down, who to call, the owner and deputy, the
        paper workaround, what to tell patients and how to back-fill records. Print it and keep it where staff can find it
        when systems (or Teams) are down. To save a PDF, choose “Save as PDF” in the print dialog.
      </Text>
      {lastPrinted === null ? (
        <MessageBar intent="info"><MessageBarBody>The pack has not been printed from this browser yet.</MessageBarBody></MessageBar>
      ) : changed.length > 0 ? (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            <MessageBarTitle>{changed.length === 1 ? '1 card has' : `${changed.length} cards have`} changed since the pack was last printed ({londonDateTime(lastPrinted.printedAt)})</MessageBarTitle>
            Reprint: {changed.map((card) => card.title).join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" role="status"><MessageBarBody>Last printed {londonDateTime(lastPrinted.printedAt)}; no card has changed since.</MessageBarBody></MessageBar>
      )}
      <div className={styles.bar}>
        <Button appearance="primary" disabled={cards.length === 0} onClick={print}>Print the pack</Button>
        <Text>{cards.length === 1 ? '1 live service, 1 page' : `${cards.length} live services, ${cards.length} pages`}</Text>
      </div>
      {cards.length === 0 ? <Text>No live services in the register yet.</Text> : null}
      <section aria-label="Preview of the pack" className={styles.preview}>{pages}</section>
      {createPortal(<div className={PRINT_ROOT_CLASS} data-testid="print-root">{pages}</div>, document.body)}
    </main>
  );
}

/**
 * The printable downtime pack: one A4 page per live service, most critical first, for the day a
 * system (or Teams itself) is down. Print it, or save it as PDF from the browser's print dialog.
 * Every page carries the practice, the register version, the print date and the page number. The
 * page says when the pack was last printed, by whom, and which services changed since; the record
 * is shared with the whole practice (lastPrinted.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatLocalDate } from '@domain';
import { changedSincePrint, downtimeCards, printRecordOf } from '@domain/export';
import { useRegisterData } from '../../state/registerData';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { useLastPrinted } from './lastPrinted';
import { LastPrintedNotice } from './LastPrintedNotice';
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

/**
 * Calls `onPrinted` after the browser prints this page from its own menu or Ctrl+P (the pack's
 * print stylesheet makes that print the pack too). The button records its own print, so an
 * afterprint fired while `whileButtonPrints` runs (browsers fire it inside window.print()) is
 * skipped; one fired later would only record the same print twice, which is harmless.
 */
function useAfterPrint(onPrinted: () => void): { whileButtonPrints: (print: () => void) => void } {
  const latest = useRef(onPrinted);
  latest.current = onPrinted;
  const buttonPrinting = useRef(false);
  useEffect(() => {
    const handler = () => {
      if (!buttonPrinting.current) latest.current();
    };
    window.addEventListener('afterprint', handler);
    return () => window.removeEventListener('afterprint', handler);
  }, []);
  const whileButtonPrints = useCallback((print: () => void) => {
    buttonPrinting.current = true;
    try {
      print();
    } finally {
      buttonPrinting.current = false;
    }
  }, []);
  return { whileButtonPrints };
}

/** The `service` address parameter, followed as the address changes (Back, or another banner link). */
function useServiceParam(): string | null {
  const read = () => new URLSearchParams(window.location.search).get('service');
  const [service, setService] = useState(read);
  useEffect(() => {
    const onPop = () => setService(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return service;
}

function showWholePack(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('service');
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function DowntimePackPage() {
  const styles = useStyles();
  const { workspace, today, state, reload } = useRegisterData();
  const { memory, save, markPrinted, retrySave, reload: reloadPrinted } = useLastPrinted(workspace);
  usePackStylesheet();
  // `?service=<id>` (the incident banner's "Downtime card"): that service's card alone, printable on A4.
  const onlyService = useServiceParam();
  const allCards = useMemo(() => (state.kind === 'ready' ? downtimeCards(state.rows.map((row) => row.stored)) : []), [state]);
  const single = onlyService ? allCards.filter((card) => card.id === onlyService) : [];
  const cards = single.length > 0 ? single : allCards;
  const changed = memory.kind === 'loading' ? [] : changedSincePrint(cards, memory.record);
  const recordPrint = useCallback(() => {
    // One service's card printed during an incident is not the practice's pack: it records no pack print.
    if (cards.length > 0 && single.length === 0) void markPrinted(printRecordOf(cards, new Date(), workspace.me.displayName));
  }, [cards, single.length, markPrinted, workspace.me.displayName]);
  const { whileButtonPrints } = useAfterPrint(recordPrint);
  const latest = cards.reduce((max, card) => (card.modifiedAt > max ? card.modifiedAt : max), '');
  const stamp: PackStamp = {
    practice: workspace.team.displayName,
    version: latest ? `Register version ${londonDateTime(latest)}` : 'Register version: empty',
    printed: `Printed ${formatLocalDate(today)}`,
  };
  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;

  // The print itself never waits for (or depends on) recording it.
  const print = () => {
    whileButtonPrints(() => window.print());
    recordPrint();
  };
  const pages = cards.map((card, index) => <PackCardView key={card.id} card={card} stamp={stamp} page={index + 1} pages={cards.length} />);
  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">{single.length > 0 ? `Downtime card: ${single[0]?.title ?? ''}` : 'Downtime pack'}</Text>
      {single.length > 0 ? <Link href="?view=downtime-pack" onClick={(event) => { event.preventDefault(); showWholePack(); }}>Show the whole pack</Link> : null}
      <Text>
        One page per live service, most critical first: how you will notice it is down, who to call, the owner and deputy, the
        paper workaround, what to tell patients and how to back-fill records. Print it and keep it where staff can find it
        when systems (or Teams) are down. To save a PDF, choose “Save as PDF” in the print dialog.
      </Text>
      <LastPrintedNotice memory={memory} save={save} changed={changed} onReload={reloadPrinted} onRetrySave={retrySave} />
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

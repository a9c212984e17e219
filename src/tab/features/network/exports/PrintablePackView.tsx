/**
 * The printable view of a review pack, inside the tab (no popup window, which Teams' desktop client
 * blocks): a full-size dialog with Print and Back, and the pack as it will print. Print calls the
 * browser's print dialog (Save as PDF is there too); the print stylesheet prints only the pack's copy
 * that sits at the end of the body. Escape or Back closes it and Fluent returns focus to the button
 * that opened it.
 */
import { useEffect, useId } from 'react';
import { createPortal } from 'react-dom';
import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewPack } from '@domain/network';
import { ReviewPackDocument } from './ReviewPackDocument';
import { REVIEW_PACK_CSS, REVIEW_PRINT_ROOT_CLASS } from './packPrintStyles';

const useStyles = makeStyles({
  surface: { maxWidth: 'calc(100vw - 32px)', width: '1100px', maxHeight: 'calc(100vh - 32px)' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  // The pack is paper: black on white in every Teams theme, framed so it reads as a page.
  paper: {
    padding: tokens.spacingHorizontalXL, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#fff', color: '#000', overflowX: 'auto',
  },
});

/** Puts the pack stylesheet in the document while the view is open. */
function usePackStylesheet(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const style = document.createElement('style');
    style.dataset.dsr = 'review-pack';
    style.textContent = REVIEW_PACK_CSS;
    document.head.append(style);
    return () => style.remove();
  }, [active]);
}

export function PrintablePackView(props: { pack: ReviewPack | null; onClose: () => void }) {
  const { pack, onClose } = props;
  const styles = useStyles();
  const id = useId();
  usePackStylesheet(pack !== null);
  return (
    <>
    <Dialog open={pack !== null} onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Printable view</DialogTitle>
          <DialogContent>
            <div className={styles.bar}>
              <Button appearance="primary" onClick={() => window.print()}>Print</Button>
              <Button onClick={onClose}>Back</Button>
              <Text>To save a PDF, choose “Save as PDF” in the print dialog.</Text>
            </div>
            {pack ? <section aria-label="The pack as it will print" className={styles.paper}><ReviewPackDocument pack={pack} idPrefix={`${id}-preview`} /></section> : null}
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
    {pack ? createPortal(<div className={REVIEW_PRINT_ROOT_CLASS} data-testid="review-print-root"><ReviewPackDocument pack={pack} idPrefix={`${id}-print`} /></div>, document.body) : null}
    </>
  );
}

/**
 * One practice's ICB annual digital review pack: download it as XLSX, or open it as a printable page.
 * A practice that has not opted in, or could not be read, has no pack: its buttons stay reachable
 * but disabled, and say why (never an empty pack that looks like an empty register).
 */
import { useId } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalDate } from '@domain';
import { icbReviewPack, notKnownText, reviewPackSheets, type PracticeLoad } from '@domain/network';
import { packFileName } from './packFiles';
import { PackExportFeedback, usePackExport } from './usePackExport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  why: { color: tokens.colorNeutralForeground2 },
});

export const REVIEW_PACK_FILE = 'ICB review pack';

export function PracticePackButton(props: { load: PracticeLoad; today: LocalDate }) {
  const { load, today } = props;
  const styles = useStyles();
  const whyId = useId();
  const exporter = usePackExport();
  const name = load.practice.name;
  const what = `ICB review pack for ${name}`;
  if (load.state !== 'loaded') {
    return (
      <div className={styles.root}>
        <div className={styles.bar}>
          <Button disabledFocusable aria-describedby={whyId}>{`Download ${what} (XLSX)`}</Button>
          <Button disabledFocusable aria-describedby={whyId}>{`Print ${what}`}</Button>
        </div>
        <Text id={whyId} className={styles.why}>{`No pack for ${name}. ${notKnownText(load)}`}</Text>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Button
          disabledFocusable={exporter.preparing !== null}
          onClick={() => void exporter.download(what, packFileName(REVIEW_PACK_FILE, name, today), () => reviewPackSheets(icbReviewPack(load, today)))}
        >
          {`Download ${what} (XLSX)`}
        </Button>
        <Button onClick={() => exporter.print(what, () => icbReviewPack(load, today))}>{`Print ${what}`}</Button>
      </div>
      <PackExportFeedback state={exporter} />
    </div>
  );
}

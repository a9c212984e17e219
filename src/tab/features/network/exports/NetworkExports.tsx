/**
 * The network's exports: the ICB annual digital review pack for the whole network (XLSX and a
 * printable page), DSPT 7.1.1 status across practices (XLSX), and each practice's own pack. Files are
 * made in the browser from the registers already loaded; nothing is stored centrally.
 */
import { useId } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LocalDate } from '@domain';
import { dsptStatusAcross, dsptStatusSheet, networkReviewPack, reviewPackSheets, type PracticeLoad } from '@domain/network';
import { packFileName } from './packFiles';
import { PracticePackButton, REVIEW_PACK_FILE } from './PracticePackButton';
import { PackExportFeedback, usePackExport } from './usePackExport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  practices: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  practice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function NetworkExports(props: { loads: readonly PracticeLoad[]; networkName: string; today: LocalDate }) {
  const { loads, networkName, today } = props;
  const styles = useStyles();
  const exporter = usePackExport();
  const id = useId();
  const packWhat = `ICB review pack for ${networkName}`;
  const dsptWhat = 'DSPT 7.1.1 status';
  const readable = loads.filter((load) => load.state === 'loaded').length;
  const sorted = [...loads].sort((a, b) => a.practice.name.localeCompare(b.practice.name, 'en-GB'));

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={`${id}-network`}>
        <Text as="h3" id={`${id}-network`} size={400} weight="semibold">{`The whole of ${networkName}`}</Text>
        <Text>
          {`The ICB annual digital review pack follows the ICB Practice Agreement's review headings, with the summary of services as Appendix 1. `}
          {`${readable} of ${loads.length} practices could be read; the others are listed in the pack as not read, with why.`}
        </Text>
        <div className={styles.bar}>
          <Button
            disabledFocusable={exporter.preparing !== null}
            onClick={() => void exporter.download(packWhat, packFileName(REVIEW_PACK_FILE, networkName, today), () => reviewPackSheets(networkReviewPack(loads, networkName, today)))}
          >
            {`Download ${packWhat} (XLSX)`}
          </Button>
          <Button onClick={() => exporter.print(packWhat, () => networkReviewPack(loads, networkName, today))}>{`Print ${packWhat}`}</Button>
          <Button
            disabledFocusable={exporter.preparing !== null}
            onClick={() => void exporter.download(dsptWhat, packFileName(dsptWhat, networkName, today), () => [dsptStatusSheet(dsptStatusAcross(loads, today), networkName, today)])}
          >
            {`Download ${dsptWhat} (XLSX)`}
          </Button>
        </div>
        <Text>DSPT 7.1.1 status says, for each practice, whether its register lists every service in use with an owner and within its review date; a practice that could not be read is “Not known”, never “Met”.</Text>
        <PackExportFeedback state={exporter} />
      </section>
      <section className={styles.section} aria-labelledby={`${id}-practices`}>
        <Text as="h3" id={`${id}-practices`} size={400} weight="semibold">Each practice</Text>
        {sorted.length === 0 ? <Text>No practices on the roster yet.</Text> : (
          <ul className={styles.practices}>
            {sorted.map((load) => (
              <li key={load.practice.key} className={styles.practice}>
                <Text weight="semibold">{load.practice.name}</Text>
                <PracticePackButton load={load} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

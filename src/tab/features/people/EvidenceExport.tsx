/**
 * DSPT access evidence (leavers' access removed and when, admin rights, access reviews) as CSV or
 * XLSX, through the register's formula-safe writers (toCsv, writeXlsx: every cell neutralised).
 */
import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { accessEvidenceCsvRows, accessEvidenceSheets, type AccessEvidenceInput } from '@domain/access';
import { toCsv } from '@domain';
import { CSV_TYPE, XLSX_TYPE, downloadFile, fileSlug } from '../../components/download';
import { problemText } from './problemText';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function EvidenceExport(props: { input: () => AccessEvidenceInput }) {
  const styles = useStyles();
  const [said, setSaid] = useState('');

  async function save(format: 'csv' | 'xlsx') {
    const input = props.input();
    const base = `${fileSlug(input.practice)}-access-evidence-${input.today}`;
    try {
      if (format === 'csv') downloadFile(`${base}.csv`, toCsv(accessEvidenceCsvRows(input), { bom: true }), CSV_TYPE);
      else {
        const { writeXlsx } = await import('@domain/spreadsheetFiles');
        downloadFile(`${base}.xlsx`, await writeXlsx(accessEvidenceSheets(input)), XLSX_TYPE);
      }
      setSaid(`Access evidence saved as ${base}.${format}.`);
    } catch (error) {
      setSaid(`The evidence was not saved: ${problemText(error)}`);
    }
  }

  return (
    <section aria-labelledby="evidence-heading">
      <Text as="h3" id="evidence-heading" size={400} weight="semibold">DSPT access evidence</Text>
      <div className={styles.row}>
        <Button onClick={() => void save('csv')}>Export access evidence (CSV)</Button>
        <Button onClick={() => void save('xlsx')}>Export access evidence (XLSX)</Button>
        <Text aria-live="polite">{said}</Text>
      </div>
    </section>
  );
}

/** Choosing the spreadsheet: a labelled file input (keyboard and screen readers) that is also a drop zone. */
import { useId, useState, type DragEvent } from 'react';
import { Label, Text, makeStyles, tokens } from '@fluentui/react-components';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

const useStyles = makeStyles({
  zone: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

export function FilePicker(props: { disabled: boolean; onFile: (file: File) => void }) {
  const styles = useStyles();
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !props.disabled) props.onFile(file);
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop-zone"
    >
      <Label htmlFor={id} weight="semibold">
        Spreadsheet to import (.xlsx or .csv)
      </Label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        disabled={props.disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) props.onFile(file);
          event.target.value = '';
        }}
      />
      <Text size={200}>Or drag the file here. The first sheet with data is read; nothing is saved until you confirm the preview.</Text>
    </div>
  );
}

/**
 * Shown when someone else saved the entry after this form opened: every field that differs, their
 * value beside yours, and an explicit choice per field (suggested so that nobody's change is lost).
 * Nothing is written until the user chooses: save the chosen mix, keep all of their own values
 * ("Keep all mine"), or take the newer version ("Use theirs").
 */
import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RegisterEntry } from '@domain';
import { suggestedChoices, type FieldChoices, type Side } from './conflictMerge';
import { FORM_LABELS, differingFields, displayValue } from './entryFields';
import { formatWhen } from './history/versionDiff';
import type { Conflict } from './useEntryEditor';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, 1fr) 2fr 2fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  choices: { display: 'contents', '@media (max-width: 480px)': { display: 'flex', flexDirection: 'column' } },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ConflictPanelProps {
  readonly conflict: Conflict;
  readonly yours: RegisterEntry;
  readonly busy: boolean;
  readonly onKeepMine: () => void;
  readonly onUseTheirs: () => void;
  readonly onSaveChoices: (choices: FieldChoices) => void;
}

export function ConflictPanel(props: ConflictPanelProps) {
  const { conflict, yours, busy, onKeepMine } = props;
  if (!conflict.current) {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Someone else deleted this service</MessageBarTitle>
          It was deleted after you opened it, so your changes were not saved. They are still here: you can save your
          version as a new entry.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onKeepMine} disabled={busy}>
            Save mine as new
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  // Keyed by the newer version, so a second conflict starts again from fresh suggestions.
  return <FieldChoicesPanel key={conflict.current.eTag} {...props} theirs={conflict.current.entry} who={conflict.current.modifiedBy} when={conflict.current.modifiedAt} yours={yours} />;
}

function FieldChoicesPanel(props: ConflictPanelProps & { theirs: RegisterEntry; who: string; when: string }) {
  const styles = useStyles();
  const { conflict, theirs, yours, busy } = props;
  const [choices, setChoices] = useState<FieldChoices>(() => suggestedChoices(conflict.base, theirs, yours));
  const fields = differingFields(theirs, yours);
  const who = props.who || 'Someone else';
  const choose = (field: keyof RegisterEntry, side: Side) => setChoices((current) => ({ ...current, [field]: side }));

  return (
    <section className={styles.panel} role="alert" aria-label="Someone else changed this service">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{who} changed this service while you were editing</MessageBarTitle>
          Saved {formatWhen(props.when)}. Your changes have not been saved yet and are still here. For each field
          below, choose which version to keep, then save your choices.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row} aria-hidden="true">
        <Text className={styles.heading}>Field</Text>
        <Text className={styles.heading}>Theirs ({who})</Text>
        <Text className={styles.heading}>Yours</Text>
      </div>
      {fields.map((field) => {
        const labelId = `conflict-field-${field}`;
        return (
          <div key={field} className={styles.row}>
            <Text id={labelId} className={styles.heading}>
              {FORM_LABELS[field]}
            </Text>
            <RadioGroup
              className={styles.choices}
              aria-labelledby={labelId}
              value={choices[field] ?? 'theirs'}
              onChange={(_event, data) => choose(field, data.value as Side)}
            >
              <Radio value="theirs" label={<span className={styles.value}>Theirs: {displayValue(theirs, field)}</span>} />
              <Radio value="yours" label={<span className={styles.value}>Yours: {displayValue(yours, field)}</span>} />
            </RadioGroup>
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => props.onSaveChoices(choices)} disabled={busy}>
          {busy ? <Spinner size="extra-tiny" label="Saving…" /> : 'Save my choices'}
        </Button>
        <Button onClick={props.onKeepMine} disabled={busy}>
          Keep all mine
        </Button>
        <Button onClick={props.onUseTheirs} disabled={busy}>
          Use theirs
        </Button>
      </div>
    </section>
  );
}

/**
 * The entry dialog's "Admin rights" editor (EntryListEditorProps, register/entryListEditors.tsx):
 * one group per holder, either a directory person (the owner picker) or an external name and
 * organisation (supplier or ICB engineers), whether their agreement is on file, and when their
 * rights were last reviewed. It edits the draft only; the entry form saves it with everything else.
 */
import { useEffect, useRef } from 'react';
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminRightHolder } from '@domain';
import { emptyAdminHolder, holderName } from '@domain/access';
import { OwnerPicker } from '../../components/OwnerPicker';
import type { EntryListEditorProps } from '../../components/entryListSlots';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  holder: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, margin: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function AdminRightsEditor(props: EntryListEditorProps) {
  const styles = useStyles();
  const holders = props.entry.adminRights;
  const set = (next: readonly AdminRightHolder[]) => props.onChange({ adminRights: next });
  const change = (index: number, patch: Partial<AdminRightHolder>) => set(holders.map((holder, at) => (at === index ? { ...holder, ...patch } : holder)));
  const labelId = `${props.id}-label`;
  // "Add an admin" moves focus into the new holder's first control, where the keyboard user goes next.
  const box = useRef<HTMLDivElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    box.current?.querySelector<HTMLElement>('fieldset:last-of-type input')?.focus();
  }, [holders.length]);

  return (
    <div ref={box} data-admin-rights-editor="" className={styles.box} role="group" aria-labelledby={labelId} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <Text id={labelId}>{props.label}</Text>
      {props.hint ? <Text size={200}>{props.hint}</Text> : null}
      {holders.length === 0 ? <Text size={200}>Nobody recorded.</Text> : null}
      {holders.map((holder, index) => {
        const base = `${props.id}-${index}`;
        const external = holder.person === null;
        const name = holderName(holder);
        return (
          <fieldset key={index} className={styles.holder}>
            <legend className={styles.legend}>Admin {index + 1}: {name}</legend>
            <RadioGroup layout="horizontal" aria-label={`Who admin ${index + 1} is`} value={external ? 'external' : 'directory'}
              onChange={(_event, data) => change(index, data.value === 'external' ? { person: null } : { externalName: '' })}>
              <Radio value="directory" label="From the directory" />
              <Radio value="external" label="External (name and organisation)" />
            </RadioGroup>
            {external ? (
              <Field label={`Name of admin ${index + 1}`}>
                <Input id={index === 0 ? props.id : `${base}-name`} value={holder.externalName} onChange={(_event, data) => change(index, { externalName: data.value })} />
              </Field>
            ) : (
              <OwnerPicker id={index === 0 ? props.id : `${base}-person`} label={`Admin ${index + 1} from the directory`} emptyText="Nobody chosen yet"
                value={holder.person} teamMembers={props.members} onChange={(person) => change(index, { person })} />
            )}
            <div className={styles.row}>
              <Field label={`Organisation of admin ${index + 1}`}>
                <Input id={`${base}-organisation`} value={holder.organisation} onChange={(_event, data) => change(index, { organisation: data.value })} />
              </Field>
              <Field label={`Rights of admin ${index + 1} reviewed on`}>
                <Input id={`${base}-reviewed`} type="date" value={holder.reviewedOn ?? ''} onChange={(_event, data) => change(index, { reviewedOn: data.value === '' ? null : data.value })} />
              </Field>
              <Checkbox label={`Agreement on file for admin ${index + 1}`} checked={holder.agreementOnFile}
                onChange={(_event, data) => change(index, { agreementOnFile: data.checked === true })} />
            </div>
            <div>
              <Button onClick={() => set(holders.filter((_holder, at) => at !== index))}>Remove admin {index + 1} ({name})</Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button id={holders.length === 0 ? props.id : undefined} onClick={() => {
          added.current = true;
          set([...holders, emptyAdminHolder()]);
        }}>Add an admin</Button>
      </div>
      {props.error ? <Text id={`${props.id}-error`} className={styles.error} size={200}>{props.error}</Text> : null}
    </div>
  );
}

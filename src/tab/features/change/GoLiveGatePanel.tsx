/**
 * The entry form's "Go-live waivers" editor (EntryListEditorProps, register/entryListEditors.tsx),
 * which is also the go-live gate panel: while the lifecycle is Live it lists each requirement as met,
 * waived or missing, in words, with "Waive …" for a missing one. A waiver names who waived it
 * (the signed-in person unless changed) and needs a reason. It edits the draft only; the entry form
 * saves it with everything else, and refuses a move to Live while anything is missing.
 */
import { useEffect, useRef } from 'react';
import { Badge, Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { GateWaiver } from '@domain';
import { evaluateGoLiveGate, gateLabel, newWaiver, type GateResult, type GateState } from '@domain/change';
import { useRegisterData } from '../../state/registerData';
import type { EntryListEditorProps } from '../../components/entryListSlots';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, outline: 'none' },
  gates: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  gate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  gateHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  waiver: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, margin: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const BADGE: Record<GateState, { label: string; color: 'success' | 'informative' | 'danger' }> = {
  met: { label: 'Met', color: 'success' },
  waived: { label: 'Waived', color: 'informative' },
  missing: { label: 'Missing', color: 'danger' },
};

function GateLine(props: { result: GateResult; canWaive: boolean; onWaive: () => void }) {
  const styles = useStyles();
  const { result } = props;
  const badge = BADGE[result.state];
  return (
    <li className={styles.gate}>
      <span className={styles.gateHead}>
        <Text weight="semibold">{result.label}</Text>
        <Badge appearance="tint" shape="rounded" color={badge.color}>{badge.label}</Badge>
      </span>
      <Text size={200}>{result.detail}</Text>
      {props.canWaive ? (
        <div>
          <Button size="small" onClick={props.onWaive}>Waive: {result.label}</Button>
        </div>
      ) : null}
    </li>
  );
}

export function GoLiveGatePanel(props: EntryListEditorProps) {
  const styles = useStyles();
  const { workspace, today } = useRegisterData();
  const waivers = props.entry.goLiveWaivers;
  const set = (next: readonly GateWaiver[]) => props.onChange({ goLiveWaivers: next });
  const change = (index: number, patch: Partial<GateWaiver>) => set(waivers.map((waiver, at) => (at === index ? { ...waiver, ...patch } : waiver)));
  const live = props.entry.lifecycle === 'live';
  const results = live ? evaluateGoLiveGate(props.entry) : [];
  const missing = results.filter((result) => result.state === 'missing').length;
  const labelId = `${props.id}-label`;
  // "Waive …" moves focus into the new waiver's reason, where the keyboard user goes next.
  const box = useRef<HTMLDivElement>(null);
  const added = useRef<string | null>(null);
  useEffect(() => {
    if (!added.current) return;
    document.getElementById(added.current)?.focus();
    added.current = null;
  }, [waivers.length]);
  const waive = (result: GateResult) => {
    added.current = `${props.id}-${result.gate}-reason`;
    set([...waivers.filter((waiver) => waiver.gate !== result.gate), newWaiver(result.gate, workspace.me.displayName, today)]);
  };

  return (
    <div ref={box} id={props.id} tabIndex={-1} className={styles.box} role="group" aria-labelledby={labelId}
      aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <Text id={labelId}>{live ? 'Go-live requirements and waivers' : props.label}</Text>
      {live ? (
        <>
          <Text size={200}>
            {missing === 0
              ? 'Every go-live requirement is met or waived.'
              : `${missing === 1 ? '1 requirement is' : `${missing} requirements are`} missing. Fill each in on this form, or waive it with a named person and a reason.`}
          </Text>
          <ul className={styles.gates} aria-label="Go-live requirements">
            {results.map((result) => (
              <GateLine key={result.gate} result={result}
                canWaive={result.state === 'missing' && !waivers.some((waiver) => waiver.gate === result.gate)} onWaive={() => waive(result)} />
            ))}
          </ul>
        </>
      ) : props.hint ? <Text size={200}>{props.hint}</Text> : null}
      {!live && waivers.length === 0 ? <Text size={200}>None recorded.</Text> : null}
      {waivers.map((waiver, index) => {
        const label = gateLabel(waiver.gate);
        const base = `${props.id}-${waiver.gate}`;
        return (
          <fieldset key={waiver.gate} className={styles.waiver}>
            <legend className={styles.legend}>Waiver: {label}</legend>
            <Field label={`Why “${label}” is waived`} required>
              <Textarea id={`${base}-reason`} value={waiver.reason} resize="vertical" onChange={(_event, data) => change(index, { reason: data.value })} />
            </Field>
            <Field label={`Waived by (for “${label}”)`} required>
              <Input id={`${base}-by`} value={waiver.by} onChange={(_event, data) => change(index, { by: data.value })} />
            </Field>
            <Text size={200}>Waived on {waiver.on}.</Text>
            <div>
              <Button onClick={() => set(waivers.filter((_waiver, at) => at !== index))}>Remove the waiver for “{label}”</Button>
            </div>
          </fieldset>
        );
      })}
      {props.error ? <Text id={`${props.id}-error`} className={styles.error} size={200}>{props.error}</Text> : null}
    </div>
  );
}

/**
 * The go-live gate panel, loaded when an entry form first shows it: the register's first download
 * stays as it was. Until it arrives the waivers show read-only, as they would without an editor.
 */
import { Suspense, lazy } from 'react';
import { Text } from '@fluentui/react-components';
import type { EntryListEditorProps } from '../../components/entryListSlots';

const Panel = lazy(() => import('./GoLiveGatePanel').then((module) => ({ default: module.GoLiveGatePanel })));

export function LazyGoLiveGatePanel(props: EntryListEditorProps) {
  return (
    <Suspense fallback={<Text id={props.id} tabIndex={-1}>{props.label}: loading…</Text>}>
      <Panel {...props} />
    </Suspense>
  );
}

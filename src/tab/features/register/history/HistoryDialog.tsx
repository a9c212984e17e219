/**
 * The History of one entry: every version SharePoint keeps, newest first, each saying who saved it,
 * when, and which fields changed from what to what. Loaded each time it opens (versions are not
 * part of the register's cached rows). Kept mounted and closed through `open` (see EntryDialog).
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { StoredEntry } from '@domain';
import type { RegisterStore } from '@graph';
import { ErrorState, LoadingState } from '../../../components/StatusViews';
import { versionHistory, type HistoryItem } from './versionDiff';
import { useAudit } from '../../../state/auditData';
import { useRegisterData } from '../../../state/registerData';
import { FlaggedChanges } from '../review/FlaggedChanges';
import { useFocusReturn } from '../../../components/useFocusReturn';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: 'calc(100vw - 16px)' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  version: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  changes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  value: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; items: HistoryItem[] };

export interface HistoryDialogProps {
  readonly open: boolean;
  readonly stored: StoredEntry;
  readonly store: RegisterStore;
  readonly onClose: () => void;
}

export function HistoryDialog({ open, stored, store, onClose }: HistoryDialogProps) {
  // Back to the button that opened it (History, Retire, Delete) when it closes, by Escape or a button.
  useFocusReturn(open);
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const name = stored.entry.title || 'this service';
  const audit = useAudit();
  const { upsert, remove } = useRegisterData();
  const flagged = audit.flagged.get(stored.id) ?? [];

  const load = useCallback(() => {
    let live = true;
    setLoaded({ kind: 'loading' });
    store.versions(stored.id).then(
      (versions) => live && setLoaded({ kind: 'ready', items: versionHistory(versions) }),
      (error: unknown) => live && setLoaded({ kind: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [store, stored.id]);

  useEffect(() => (open ? load() : undefined), [open, load]);

  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>History of {name}</DialogTitle>
          <DialogContent>
            <FlaggedChanges
              records={flagged}
              store={store}
              onUndone={(outcome) => {
                outcome.saved.forEach(upsert);
                outcome.removed.forEach(remove);
                load();
              }}
            />
            {loaded.kind === 'loading' ? <LoadingState label="Loading history…" /> : null}
            {loaded.kind === 'failed' ? <ErrorState title="Could not load the history" error={loaded.error} onRetry={load} /> : null}
            {loaded.kind === 'ready' && loaded.items.length === 0 ? (
              <Text>SharePoint has no earlier versions of this service.</Text>
            ) : null}
            {loaded.kind === 'ready' && loaded.items.length > 0 ? (
              <ol className={styles.list} aria-label={`Versions of ${name}, newest first`}>
                {loaded.items.map((item) => (
                  <li key={item.versionLabel} className={styles.version}>
                    <h3 className={styles.heading}>
                      {item.who}, <time dateTime={item.modifiedAt}>{item.when}</time>
                    </h3>
                    <VersionChanges item={item} />
                  </li>
                ))}
              </ol>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function VersionChanges({ item }: { item: HistoryItem }) {
  const styles = useStyles();
  if (item.isFirst) return <Text>{item.versionLabel === '1.0' ? 'Added the service.' : 'The oldest version SharePoint keeps.'}</Text>;
  if (item.changes.length === 0) return <Text>Saved with no change to the register's fields.</Text>;
  return (
    <ul className={styles.changes}>
      {item.changes.map((change) => (
        <li key={change.field} className={styles.value}>
          <strong>{change.label}</strong>: changed from “{change.from}” to “{change.to}”
        </li>
      ))}
    </ul>
  );
}

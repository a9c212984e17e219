/**
 * "What else breaks" (issue 16): for the chosen service, everything that depends on it directly or
 * through others (HD's whatElseBreaks: each service once, at its shortest path, cycles harmless),
 * each with the path, how it depends, and its downtime process in the four structured parts, so
 * the person on the morning a system fails sees what to do for every service it takes down.
 *
 * Service actions: "Open the entry" here, and whatever the incidents feature puts in the shared
 * slot (its "Declare incident" button, src/tab/components/incidentSlots.tsx). `ServiceActions` is
 * the one place both the failed service and each affected one render their buttons.
 */
import { useMemo } from 'react';
import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DEPENDENCY_KINDS, labelOf, FIELD_LABELS } from '@domain';
import { whatElseBreaks, type AffectedService, type DependencyGraph, type DowntimeSummary } from '@domain/dependencies';
import { useIncidentSlots } from '../../components/incidentSlots';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', fontSize: tokens.fontSizeBase400 },
  muted: { color: tokens.colorNeutralForeground2 },
  downtime: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap' },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The buttons for one service: open its entry, and the incidents feature's actions when present. */
export function ServiceActions(props: { entryId: string; title: string; onOpenEntry: (entryId: string) => void }) {
  const styles = useStyles();
  const { DeclareIncidentButton } = useIncidentSlots();
  return (
    <div className={styles.actions}>
      <Button size="small" onClick={() => props.onOpenEntry(props.entryId)} aria-label={`Open the entry for ${props.title || '(no name)'}`}>
        Open the entry
      </Button>
      {DeclareIncidentButton ? <DeclareIncidentButton entryId={props.entryId} /> : null}
    </div>
  );
}

const DOWNTIME_PARTS: ReadonlyArray<readonly [keyof DowntimeSummary, string]> = [
  ['notice', FIELD_LABELS.downtimeNotice],
  ['workaround', FIELD_LABELS.downtimeWorkaround],
  ['patients', FIELD_LABELS.downtimePatients],
  ['backfill', FIELD_LABELS.downtimeBackfill],
  ['otherNotes', 'Notes'],
];

function DowntimeProcess(props: { downtime: DowntimeSummary }) {
  const styles = useStyles();
  if (!props.downtime.exists) return <Text className={styles.missing}>No downtime process written down yet.</Text>;
  const parts = DOWNTIME_PARTS.filter(([key]) => String(props.downtime[key]).trim() !== '');
  return (
    <dl className={styles.downtime}>
      {parts.map(([key, label]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt className={styles.term}>{label}</dt>
          <dd className={styles.detail}>{String(props.downtime[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

function AffectedItem(props: { item: AffectedService; onOpenEntry: (entryId: string) => void }) {
  const styles = useStyles();
  const { item } = props;
  const previous = item.pathTitles[item.pathTitles.length - 2] ?? '';
  return (
    <li className={styles.item} aria-label={item.title || '(no name)'}>
      <h3 className={styles.heading}>
        {item.title || '(no name)'}
        {item.criticality === 'critical' ? <Badge appearance="filled" color="danger" shape="rounded">Critical</Badge> : null}
        {item.depth === 1 ? <Badge appearance="outline" shape="rounded">Direct</Badge> : <Badge appearance="outline" shape="rounded">Through {item.depth - 1} other{item.depth > 2 ? 's' : ''}</Badge>}
      </h3>
      <Text>
        <span className={styles.term}>Path: </span>
        {item.pathTitles.join(' → ')}
      </Text>
      <Text className={styles.muted}>
        Depends on {previous} ({labelOf(DEPENDENCY_KINDS, item.kind).toLowerCase()}){item.why ? `: ${item.why}` : ''}
      </Text>
      <Text as="h4" weight="semibold" size={300} style={{ margin: 0 }}>Downtime process</Text>
      <DowntimeProcess downtime={item.downtime} />
      <ServiceActions entryId={item.entryId} title={item.title} onOpenEntry={props.onOpenEntry} />
    </li>
  );
}

export interface WhatElseBreaksPanelProps {
  readonly graph: DependencyGraph;
  /** The failed service; null = closed. */
  readonly entryId: string | null;
  readonly onClose: () => void;
  readonly onOpenEntry: (entryId: string) => void;
}

export function WhatElseBreaksPanel(props: WhatElseBreaksPanelProps) {
  const styles = useStyles();
  const { graph, entryId } = props;
  const radius = useMemo(() => (entryId ? whatElseBreaks(graph, entryId) : null), [graph, entryId]);
  const title = radius?.title || '(no name)';
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={entryId !== null}
      onOpenChange={(_event, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close" onClick={props.onClose}>Close</Button>}
        >
          What else breaks if {title} fails
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {radius && entryId ? (
          <div className={styles.body}>
            <ServiceActions entryId={entryId} title={radius.title} onOpenEntry={props.onOpenEntry} />
            {radius.onCycle ? (
              <Text>{title} is on a cycle: something that breaks with it is also something it depends on. Each service is listed once.</Text>
            ) : null}
            <Text weight="semibold">
              {radius.affected.length === 0
                ? `Nothing else in the register depends on ${title}.`
                : `${radius.affected.length} ${radius.affected.length === 1 ? 'service depends' : 'services depend'} on ${title}, directly or through others.`}
            </Text>
            {radius.affected.length > 0 ? (
              <ul className={styles.list} aria-label={`What else breaks if ${title} fails`}>
                {radius.affected.map((item) => (
                  <AffectedItem key={item.entryId} item={item} onOpenEntry={props.onOpenEntry} />
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </DrawerBody>
    </OverlayDrawer>
  );
}

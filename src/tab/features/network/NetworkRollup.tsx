/**
 * The roll-up across a network's member practices: loading progress, then five tabs (side by side,
 * systems, charts, exports, member practices) over the same loaded registers, and the read-only
 * drill-down into any practice's entry with the network's notes on it.
 */
import { useState } from 'react';
import { Button, ProgressBar, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { NETWORK_KINDS, type PracticeLoad } from '@domain/network';
import type { LocalDate } from '@domain';
import type { NetworkHome } from '@graph/network';
import { useGraphClient } from '../../state/ApiContext';
import { ErrorState } from '../../components/StatusViews';
import { NetworkExports } from './exports/NetworkExports';
import { useNetworkLoad } from './useNetworkLoad';
import { SideBySideTable } from './SideBySideTable';
import { SystemsAcross } from './SystemsAcross';
import { NetworkCharts } from './NetworkCharts';
import { RosterManager } from './RosterManager';
import { EntryDrillDown, type DrillTarget } from './EntryDrillDown';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1400px' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '520px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export const NETWORK_TABS = [
  { value: 'side', label: 'Practices side by side' },
  { value: 'systems', label: 'Systems across the network' },
  { value: 'charts', label: 'Charts' },
  { value: 'exports', label: 'Exports' },
  { value: 'members', label: 'Member practices' },
] as const;
type TabValue = (typeof NETWORK_TABS)[number]['value'];

/** Who is reading: recorded on the notes they leave and the practices they add. */
export interface Reader {
  readonly id: string;
  readonly displayName: string;
}

export interface NetworkRollupProps {
  readonly home: NetworkHome;
  readonly today: LocalDate;
  readonly me: Reader;
  /** A team owner manages the roster. */
  readonly canManage: boolean;
}

export function NetworkRollup(props: NetworkRollupProps) {
  const styles = useStyles();
  const client = useGraphClient();
  const network = useNetworkLoad(client, props.home);
  const [tab, setTab] = useState<TabValue>('side');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const kind = NETWORK_KINDS.find((item) => item.code === props.home.self.kind);
  const { state } = network;
  const loads: readonly PracticeLoad[] = state.kind === 'ready' ? state.loads : [];

  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        {props.home.self.name}
      </Text>
      <div className={styles.intro}>
        <Text>
          {kind ? `${kind.label}: ${kind.long}. ` : ''}Each practice&apos;s register stays in its own site; you can read, leave notes and export,
          and only the practice edits its register.
        </Text>
        {/* Asks each practice only for what changed since the last load (its delta link), in one round trip. */}
        {state.kind === 'ready' ? <Button onClick={network.reload}>Refresh</Button> : null}
      </div>
      {state.kind === 'loading' ? (
        <div className={styles.progress}>
          <ProgressBar aria-label="Loading the member practices" value={state.total ? state.done / state.total : undefined} max={1} />
          <Text role="status">{progressText(state.done, state.total)}</Text>
        </div>
      ) : null}
      {state.kind === 'failed' ? <ErrorState title="Could not read the list of member practices" error={state.error} onRetry={network.reload} /> : null}
      {state.kind === 'ready' ? (
        <>
          <TabList aria-label="Roll-up" selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value as TabValue)}>
            {NETWORK_TABS.map((item) => (
              <Tab key={item.value} value={item.value} id={`network-tab-${item.value}`} aria-controls={`network-panel-${item.value}`}>
                {item.label}
              </Tab>
            ))}
          </TabList>
          <div className={styles.panel} role="tabpanel" id={`network-panel-${tab}`} aria-labelledby={`network-tab-${tab}`}>
            {tab === 'side' ? <SideBySideTable loads={loads} today={props.today} retrying={network.retrying} onRetry={network.retry} onOpen={setDrill} /> : null}
            {tab === 'systems' ? <SystemsAcross loads={loads} today={props.today} onOpen={setDrill} /> : null}
            {tab === 'charts' ? <NetworkCharts loads={loads} today={props.today} options={network.options} /> : null}
            {tab === 'exports' ? <NetworkExports loads={loads} networkName={props.home.self.name} today={props.today} /> : null}
            {tab === 'members' ? (
              <RosterManager
                home={props.home}
                roster={state.roster}
                loads={loads}
                canManage={props.canManage}
                me={props.me.displayName}
                onAdded={network.added}
                onRemoved={network.removed}
              />
            ) : null}
          </div>
        </>
      ) : null}
      <EntryDrillDown target={drill} loads={loads} home={props.home} me={props.me} onClose={() => setDrill(null)} onChoose={setDrill} />
    </main>
  );
}

/** "Loaded 3 of 5 practices", or "Reading the list of member practices…" before the roster is known. */
export function progressText(done: number, total: number | null): string {
  if (total === null) return 'Reading the list of member practices…';
  return `Loaded ${done} of ${total} ${total === 1 ? 'practice' : 'practices'}`;
}

/**
 * The starter catalogue: the services most English GP practices rely on, grouped by category, each
 * with its supplier, typical provision and where the facts come from. Anyone in the team ticks what
 * the practice uses and gets entries to complete (entries without owners: adding a service is not one
 * of the changes the practice's convention keeps for managers, docs/permissions.md). Offered when the register is
 * empty, and later as "Add from catalogue", with services already in the register left out.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CATEGORIES, PROVISIONS, STARTER_CATALOGUE, isInRegister, labelInSentence, labelOf, type CatalogueItem } from '@domain';
import { useProposedLinks } from './proposedLinks';
import { describeError } from '../../state/describeError';
import { useRegisterData } from '../../state/registerData';
import { openView } from '../../components/download';
import { ErrorState, LoadingState } from '../../components/StatusViews';
import { useAddFromCatalogue } from './useAddFromCatalogue';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, paddingBlock: tokens.spacingVerticalS },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  detail: { paddingInlineStart: '32px', color: tokens.colorNeutralForeground2, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', position: 'sticky', bottom: 0,
    backgroundColor: tokens.colorNeutralBackground1, paddingBlock: tokens.spacingVerticalS },
});

function CatalogueRow(props: { item: CatalogueItem; checked: boolean; already: boolean; disabled: boolean; links: string; onChange: (checked: boolean) => void }) {
  const styles = useStyles();
  const { item } = props;
  return (
    <div className={styles.item}>
      <Checkbox
        label={props.already ? `${item.title} (already in the register)` : item.title}
        checked={props.already || props.checked}
        disabled={props.already || props.disabled}
        onChange={(_event, data) => props.onChange(data.checked === true)}
      />
      <div className={styles.detail}>
        <Text size={200}>
          {item.supplier} · typically {labelInSentence(labelOf(PROVISIONS, item.typicalProvision))}
        </Text>
        <Text size={200}>{item.purpose}</Text>
        {item.caution ? <Text size={200}>Check: {item.caution}</Text> : null}
        {props.links !== '' && !props.already ? <Text size={200}>{props.links}</Text> : null}
        <details>
          <summary>Where this comes from</summary>
          <Text size={200}>{item.source}</Text>
        </details>
      </div>
    </div>
  );
}

export function CataloguePage() {
  const styles = useStyles();
  const { workspace, store, state, reload, upsert } = useRegisterData();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const { state: adding, add } = useAddFromCatalogue(store, workspace.team.id, upsert);
  const titles = useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored.entry.title) : []), [state]);
  const groups = useMemo(
    () => CATEGORIES.map((category) => ({ category, items: STARTER_CATALOGUE.filter((item) => item.category === category.code) })).filter((group) => group.items.length > 0),
    [],
  );
  const chosen = STARTER_CATALOGUE.filter((item) => ticked.has(item.key) && !isInRegister(item, titles));
  const existing = useMemo(() => (state.kind === 'ready' ? state.rows.map((row) => row.stored) : []), [state]);
  const links = useProposedLinks(chosen, existing, titles);
  const busy = adding.kind === 'adding';
  const toggle = (key: string, checked: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });

  if (state.kind === 'loading') return <LoadingState label="Loading the register…" />;
  if (state.kind === 'failed') return <ErrorState title="Could not load the register" error={state.error} onRetry={reload} />;
  return (
    <main className={styles.page}>
      <Text as="h2" size={500} weight="semibold">
        {state.rows.length === 0 ? 'Start from the services most practices use' : 'Add from the starter catalogue'}
      </Text>
      <Text>
        Tick the services this practice uses. Each becomes an entry with a suggested category, supplier, provision and the
        data it usually holds. These are defaults to confirm: local arrangements vary, so check each entry and add its
        owner, support contacts, DPIA and downtime process.
      </Text>
      {groups.map((group) => (
        <fieldset key={group.category.code} className={styles.group}>
          <legend className={styles.legend}>{group.category.label}</legend>
          {group.items.map((item) => (
            <CatalogueRow
              key={item.key}
              item={item}
              checked={ticked.has(item.key)}
              already={isInRegister(item, titles)}
              disabled={busy}
              links={links.get(item.key) ?? ''}
              onChange={(checked) => toggle(item.key, checked)}
            />
          ))}
        </fieldset>
      ))}
      <div className={styles.bar} role="region" aria-label="Add the ticked services">
        <Button appearance="primary" disabled={busy || chosen.length === 0} onClick={() => void add(chosen, existing)}>
          {chosen.length === 1 ? 'Add 1 service' : `Add ${chosen.length} services`}
        </Button>
        {busy ? (
          <div role="status" style={{ flexGrow: 1 }}>
            <Text>Adding {adding.done} of {adding.total}…</Text>
            <ProgressBar value={adding.total === 0 ? 0 : adding.done / adding.total} />
          </div>
        ) : null}
      </div>
      {adding.kind === 'done' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Added {adding.added.length === 1 ? '1 service' : `${adding.added.length} services`}</MessageBarTitle>
            Open each one in the register to name its owner and add its support contacts and downtime process.{' '}
            <Button size="small" onClick={() => openView('register')}>Open the register</Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {adding.kind === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Stopped at {adding.failedOn}</MessageBarTitle>
            {adding.added.length} added before the problem. {describeError(adding.error).message} Press Add again to finish: services
            already added are not added twice.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </main>
  );
}

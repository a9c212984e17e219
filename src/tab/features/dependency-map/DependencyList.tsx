/**
 * The keyboard and screen-reader equivalent of the drawn map (issue 16): each service as a heading,
 * with what it depends on and what depends on it as lists of links. A link moves focus to that
 * service's heading in this list; "What else breaks" opens the same panel as a click on the map.
 * Order and flags come from HD's dependencyListModel, so the list and the map say the same things.
 */
import { useMemo, type MouseEvent } from 'react';
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CATEGORIES, DEPENDENCY_KINDS, labelOf } from '@domain';
import { dependencyListModel, type DependencyGraph, type DependencyListItem, type DependencyListLink } from '@domain/dependencies';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase400 },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  links: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export const headingIdOf = (entryId: string) => `dependency-service-${entryId}`;

/** Moves focus to a service's heading in the list (an in-page link that also moves keyboard focus). */
function focusService(event: MouseEvent<HTMLAnchorElement>, entryId: string): void {
  const heading = document.getElementById(headingIdOf(entryId));
  if (!heading) return;
  event.preventDefault();
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
}

function LinkLine(props: { link: DependencyListLink; listed: ReadonlySet<string> }) {
  const styles = useStyles();
  const { link } = props;
  const name = link.title || '(no name)';
  const kind = labelOf(DEPENDENCY_KINDS, link.kind).toLowerCase();
  return (
    <li>
      {props.listed.has(link.entryId) ? (
        <Link href={`#${headingIdOf(link.entryId)}`} onClick={(event) => focusService(event, link.entryId)}>
          {name}
        </Link>
      ) : (
        <span>{name}</span>
      )}{' '}
      <span className={styles.muted}>
        ({kind}){link.why ? `: ${link.why}` : ''}
      </span>
      {link.problem === 'retired' ? <span className={styles.warn}> Retired: this link needs checking.</span> : null}
      {link.problem === 'deleted' ? <span className={styles.warn}> No longer in the register: this link needs checking.</span> : null}
    </li>
  );
}

function ServiceItem(props: { item: DependencyListItem; listed: ReadonlySet<string>; onSelect: (entryId: string) => void }) {
  const styles = useStyles();
  const { item } = props;
  const name = item.title || '(no name)';
  return (
    <li className={styles.item}>
      <h3 className={styles.heading} id={headingIdOf(item.entryId)} tabIndex={-1}>
        {name}
        {item.criticality === 'critical' ? <Badge appearance="filled" color="danger" shape="rounded">Critical</Badge> : null}
        {item.lifecycle === 'retired' ? <Badge appearance="outline" color="warning" shape="rounded">Retired</Badge> : null}
        {item.onCycle ? <Badge appearance="outline" color="warning" shape="rounded">On a cycle</Badge> : null}
      </h3>
      <div className={styles.bar}>
        <Text className={styles.muted}>{labelOf(CATEGORIES, item.category)}</Text>
        <Button size="small" onClick={() => props.onSelect(item.entryId)}>
          What else breaks if {name} fails
        </Button>
      </div>
      {item.selfLink ? <Text className={styles.warn}>It names itself as a dependency: remove that link.</Text> : null}
      <h4 className={styles.sub}>{name} depends on</h4>
      {item.dependsOn.length === 0 ? (
        <Text className={styles.muted}>Nothing in the register.</Text>
      ) : (
        <ul className={styles.links}>
          {item.dependsOn.map((link) => <LinkLine key={link.entryId} link={link} listed={props.listed} />)}
        </ul>
      )}
      <h4 className={styles.sub}>What depends on {name}</h4>
      {item.dependedOnBy.length === 0 ? (
        <Text className={styles.muted}>Nothing in the register.</Text>
      ) : (
        <ul className={styles.links}>
          {item.dependedOnBy.map((link) => <LinkLine key={link.entryId} link={link} listed={props.listed} />)}
        </ul>
      )}
    </li>
  );
}

export interface DependencyListProps {
  readonly graph: DependencyGraph;
  /** The services the filters show (the same as the map's). */
  readonly visible: ReadonlySet<string>;
  readonly onSelect: (entryId: string) => void;
}

export function DependencyList(props: DependencyListProps) {
  const styles = useStyles();
  const model = useMemo(() => dependencyListModel(props.graph), [props.graph]);
  const items = useMemo(() => model.filter((item) => props.visible.has(item.entryId)), [model, props.visible]);
  if (items.length === 0) return <Text>No services match the filters.</Text>;
  return (
    <ul className={styles.list} aria-label="Services and their dependencies">
      {items.map((item) => (
        <ServiceItem key={item.entryId} item={item} listed={props.visible} onSelect={props.onSelect} />
      ))}
    </ul>
  );
}

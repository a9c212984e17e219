/**
 * One service on the map. Critical services carry a warning icon and the word "Critical" and a
 * thick border, so criticality never depends on colour alone; retired, deleted and cycle services
 * say so in words too. The handles are invisible anchors for the links (nothing can be connected).
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CATEGORIES, labelOf } from '@domain';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';
import type { MapNodeModel } from './mapModel';

export type ServiceNodeType = Node<{ model: MapNodeModel; highlighted: boolean }, 'service'>;

const useStyles = makeStyles({
  node: {
    boxSizing: 'border-box',
    width: `${NODE_WIDTH}px`,
    height: `${NODE_HEIGHT}px`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXXS,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    overflow: 'hidden',
  },
  critical: { ...shorthands.border(tokens.strokeWidthThicker, 'solid', tokens.colorPaletteRedBorder2) },
  context: { ...shorthands.borderStyle('dashed') },
  deleted: { ...shorthands.borderStyle('dotted'), backgroundColor: tokens.colorNeutralBackground3 },
  highlighted: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  title: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  tags: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: 'nowrap', overflow: 'hidden' },
  tagCritical: { display: 'inline-flex', alignItems: 'center', gap: '2px', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  tagWarn: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis' },
  handle: { opacity: 0, pointerEvents: 'none' },
});

/** A warning triangle, drawn in the text colour (so high contrast keeps it visible). */
function CriticalIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M8 1 15.5 14.5H.5L8 1Zm-.8 5v4.2h1.6V6H7.2Zm0 5.4V13h1.6v-1.6H7.2Z" />
    </svg>
  );
}

/** The words a node shows after its title, also used for its accessible name. */
export function nodeTags(model: MapNodeModel): string[] {
  const tags: string[] = [];
  if (model.deleted) tags.push('Deleted from the register');
  if (model.criticality === 'critical') tags.push('Critical');
  if (model.lifecycle === 'retired') tags.push('Retired');
  if (model.onCycle) tags.push('On a cycle');
  return tags;
}

/** "EMIS Web, Critical, Clinical system. Depends on 2 services; 5 depend on it." */
export function nodeAriaLabel(model: MapNodeModel): string {
  const parts = [model.title || '(no name)', ...nodeTags(model)];
  if (model.category) parts.push(labelOf(CATEGORIES, model.category));
  const counts = model.deleted
    ? ''
    : ` Depends on ${model.dependsOnCount} ${model.dependsOnCount === 1 ? 'service' : 'services'}; ${model.dependentCount} ${model.dependentCount === 1 ? 'depends' : 'depend'} on it.`;
  return `${parts.join(', ')}.${counts}`;
}

function ServiceNodeView(props: NodeProps<ServiceNodeType>) {
  const styles = useStyles();
  const { model, highlighted } = props.data;
  const critical = model.criticality === 'critical';
  return (
    <div
      className={mergeClasses(
        styles.node,
        critical && styles.critical,
        model.context && styles.context,
        model.deleted && styles.deleted,
        highlighted && styles.highlighted,
      )}
      data-critical={critical ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className={styles.handle} />
      <span className={styles.title}>{model.title || '(no name)'}</span>
      <span className={styles.tags} aria-hidden="true">
        {critical ? (
          <span className={styles.tagCritical}>
            <CriticalIcon />
            Critical
          </span>
        ) : null}
        {model.deleted ? <span className={styles.tagWarn}>Deleted</span> : null}
        {model.lifecycle === 'retired' ? <span className={styles.tagWarn}>Retired</span> : null}
        {model.onCycle ? <span className={styles.tagWarn}>Cycle</span> : null}
        {model.category ? <span className={styles.muted}>{labelOf(CATEGORIES, model.category)}</span> : null}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} className={styles.handle} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);

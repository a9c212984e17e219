/**
 * The drawn dependency map: React Flow (@xyflow/react) with dagre's left-to-right layout. Links
 * point from the dependent to what it depends on; their kind is the line style (solid integration,
 * dashed shared login, dotted shared infrastructure; the legend says so), links on a cycle are thick
 * and red-bordered, links to retired or deleted services orange. Read-only: nothing can be dragged,
 * connected or deleted. Clicking a service, or Enter on a focused one, opens "what else breaks".
 *
 * `data-map-ready` goes on the wrapper once the nodes are measured and the view fitted: the bench
 * (dependencyMapRenderMs) and the end-to-end test wait for it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { DEPENDENCY_KINDS, labelOf } from '@domain';
import { layoutMap } from './layout';
import type { MapEdgeModel, MapModel } from './mapModel';
import { ServiceNode, nodeAriaLabel, type ServiceNodeType } from './ServiceNode';
import { useColorMode } from './colorMode';
import { MAP_ROOT_CLASS, ensureFlowStylesheet } from './flowStyles';

const NODE_TYPES = { service: ServiceNode };
const FIT_VIEW = { padding: 0.1, maxZoom: 1.2 };

/** Screen-reader words for the library's controls and nodes (its defaults speak of dragging and deleting). */
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter to see what else breaks if this service fails.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter to see what else breaks if this service fails.',
  'edge.a11yDescription.default': 'A link from a service to one it depends on.',
  'controls.ariaLabel': 'Map controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole map in view',
};

function edgeClass(edge: MapEdgeModel, dim: boolean): string {
  return [`dsr-${edge.kind}`, edge.onCycle ? 'dsr-cycle' : '', edge.problem ? 'dsr-problem' : '', dim ? 'dsr-dim' : ''].filter(Boolean).join(' ');
}

function edgeLabel(edge: MapEdgeModel, titles: ReadonlyMap<string, string>): string {
  const from = titles.get(edge.source) ?? '';
  const to = titles.get(edge.target) ?? '';
  const notes = [edge.onCycle ? 'on a cycle' : '', edge.problem === 'retired' ? 'the target is retired' : '', edge.problem === 'deleted' ? 'the target was deleted' : '']
    .filter(Boolean)
    .join('; ');
  return `${from} depends on ${to} (${labelOf(DEPENDENCY_KINDS, edge.kind).toLowerCase()})${notes ? `: ${notes}` : ''}`;
}

/** Marks the wrapper ready once every node has its size and the view was fitted to them. */
function ReadyMarker(props: { onReady: (layoutKey: string) => void; layoutKey: string }) {
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const { onReady, layoutKey } = props;
  // Only a new set of nodes (a filter) fits the view again; a highlight leaves the person's zoom alone.
  useEffect(() => {
    if (!initialized) return;
    let frame = 0;
    let cancelled = false;
    void fitView(FIT_VIEW).then(() => {
      if (!cancelled) frame = requestAnimationFrame(() => onReady(layoutKey));
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [initialized, fitView, onReady, layoutKey]);
  return null;
}

export interface DependencyFlowProps {
  readonly model: MapModel;
  readonly onSelect: (entryId: string) => void;
  /** Node ids to highlight (the selected service and what breaks with it). */
  readonly highlighted: ReadonlySet<string>;
}

export function DependencyFlow(props: DependencyFlowProps) {
  const { model, onSelect, highlighted } = props;
  ensureFlowStylesheet();
  const rootRef = useRef<HTMLDivElement>(null);
  const colorMode = useColorMode(rootRef);
  const [readyKey, setReadyKey] = useState('');
  const positions = useMemo(() => layoutMap(model), [model]);
  const layoutKey = useMemo(() => model.nodes.map((node) => node.id).join('|'), [model]);
  const titles = useMemo(() => new Map(model.nodes.map((node) => [node.id, node.title] as const)), [model]);
  const entryOf = useMemo(() => new Map(model.nodes.map((node) => [node.id, node] as const)), [model]);

  const derivedNodes: ServiceNodeType[] = useMemo(
    () =>
      model.nodes.map((node) => ({
        id: node.id,
        type: 'service',
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        data: { model: node, highlighted: highlighted.has(node.id) },
        ariaLabel: nodeAriaLabel(node),
        domAttributes: { 'aria-roledescription': 'service' },
        draggable: false,
        connectable: false,
        deletable: false,
      })),
    [model, positions, highlighted],
  );
  // Controlled nodes: React Flow reports size measurements and selection as changes, applied here.
  const [nodes, setNodes] = useState(derivedNodes);
  useEffect(() => setNodes(derivedNodes), [derivedNodes]);
  const onNodesChange = (changes: NodeChange<ServiceNodeType>[]) => setNodes((current) => applyNodeChanges(changes, current));
  const edges: Edge[] = useMemo(() => {
    const focus = highlighted.size > 0;
    return model.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      className: edgeClass(edge, focus && !(highlighted.has(edge.source) && highlighted.has(edge.target))),
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--colorNeutralForeground2)' },
      ariaLabel: edgeLabel(edge, titles),
      focusable: false,
      deletable: false,
      selectable: false,
    }));
  }, [model, titles, highlighted]);

  const onNodeClick: NodeMouseHandler = (_event, node) => {
    const entry = entryOf.get(node.id);
    if (entry && !entry.deleted) onSelect(entry.entryId);
  };
  // React Flow selects a focused node on Enter but does not call onNodeClick: open the panel here.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = (event.target as HTMLElement).closest('.react-flow__node');
    const id = target?.getAttribute('data-id');
    const entry = id ? entryOf.get(id) : undefined;
    if (!entry || entry.deleted) return;
    // Without this the same Enter would also press the panel's first button once focus moves there.
    event.preventDefault();
    onSelect(entry.entryId);
  };

  return (
    <div
      ref={rootRef}
      className={MAP_ROOT_CLASS}
      style={{ width: '100%', height: '100%' }}
      data-map-ready={readyKey === layoutKey ? 'true' : 'false'}
      data-node-count={model.nodes.length}
      data-edge-count={model.edges.length}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={NODE_TYPES}
        colorMode={colorMode}
        aria-label="Dependency map"
        onNodeClick={onNodeClick}
        onKeyDown={onKeyDown}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_VIEW}
        onlyRenderVisibleElements={false}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} position="top-left" />
        <ReadyMarker layoutKey={layoutKey} onReady={setReadyKey} />
      </ReactFlow>
    </div>
  );
}

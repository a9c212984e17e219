/**
 * React Flow's own stylesheet plus the map's theme, put in the document when the map first opens.
 * The library's CSS comes in as text (webpack `asset/source`: no CSS loader is installed), so it
 * is part of the map's lazy chunk and the first download does not grow. Its colours are React
 * Flow's `--xy-*` variables, pointed here at Fluent's tokens (CSS variables the FluentProvider
 * sets), so the map follows the Teams light, dark and high-contrast themes like every other view.
 * Links use the accessible stroke colour: 3:1 against the background, as WCAG 1.4.11 asks of graphics.
 * Inline <style> is allowed by the tab's CSP (style-src 'unsafe-inline'), as for the downtime pack.
 */
import reactFlowCss from '@xyflow/react/dist/style.css';

/** The class on the element around the map; the theme rules below apply only inside it. */
export const MAP_ROOT_CLASS = 'dsr-dependency-map';

const THEME_CSS = `
.${MAP_ROOT_CLASS} .react-flow {
  --xy-background-color: var(--colorNeutralBackground2);
  --xy-background-pattern-dots-color: var(--colorNeutralStroke2);
  --xy-node-color: var(--colorNeutralForeground1);
  --xy-node-background-color: var(--colorNeutralBackground1);
  --xy-node-border: none;
  --xy-node-border-radius: var(--borderRadiusMedium);
  --xy-node-boxshadow-selected: 0 0 0 3px var(--colorStrokeFocus2);
  --xy-edge-stroke: var(--colorNeutralStrokeAccessible);
  --xy-edge-stroke-width: 1.5;
  --xy-edge-stroke-selected: var(--colorBrandStroke1);
  --xy-edge-label-background-color: var(--colorNeutralBackground1);
  --xy-edge-label-color: var(--colorNeutralForeground1);
  --xy-handle-background-color: var(--colorNeutralForeground3);
  --xy-handle-border-color: var(--colorNeutralBackground1);
  --xy-controls-button-background-color: var(--colorNeutralBackground1);
  --xy-controls-button-background-color-hover: var(--colorNeutralBackground1Hover);
  --xy-controls-button-color: var(--colorNeutralForeground1);
  --xy-controls-button-color-hover: var(--colorNeutralForeground1Hover);
  --xy-controls-button-border-color: var(--colorNeutralStroke1);
  --xy-controls-box-shadow: var(--shadow4);
  --xy-attribution-background-color: var(--colorNeutralBackground1);
  font-family: var(--fontFamilyBase);
}
.${MAP_ROOT_CLASS} .react-flow__attribution a { color: var(--colorNeutralForeground2); text-decoration: underline; }
.${MAP_ROOT_CLASS} .react-flow__node:focus-visible { outline: 2px solid var(--colorStrokeFocus2); outline-offset: 2px; }
.${MAP_ROOT_CLASS} .react-flow__controls-button:focus-visible { outline: 2px solid var(--colorStrokeFocus2); outline-offset: -2px; }
.${MAP_ROOT_CLASS} .react-flow__edge.dsr-cycle .react-flow__edge-path { stroke: var(--colorPaletteRedBorder2); stroke-width: 3; }
.${MAP_ROOT_CLASS} .react-flow__edge.dsr-problem .react-flow__edge-path { stroke: var(--colorPaletteDarkOrangeBorder2); }
.${MAP_ROOT_CLASS} .react-flow__edge.dsr-shared-login .react-flow__edge-path { stroke-dasharray: 8 4; }
.${MAP_ROOT_CLASS} .react-flow__edge.dsr-infrastructure .react-flow__edge-path { stroke-dasharray: 2 4; }
.${MAP_ROOT_CLASS} .react-flow__edge.dsr-dim { opacity: 0.25; }
`;

/**
 * Puts React Flow's stylesheet and the map theme in the document, once, before the map first
 * renders: React Flow checks for its styles when it mounts (a child's effect runs before ours, so
 * an effect would be too late and log its "styles not loaded" warning). Kept afterwards: the rules
 * only match React Flow's own classes and the map's root class.
 */
export function ensureFlowStylesheet(): void {
  if (typeof document === 'undefined' || document.head.querySelector('style[data-dsr="dependency-map"]')) return;
  const style = document.createElement('style');
  style.dataset.dsr = 'dependency-map';
  style.textContent = `${reactFlowCss}\n${THEME_CSS}`;
  document.head.append(style);
}

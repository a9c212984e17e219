/** React Flow's stylesheet, imported as text (webpack `asset/source`, see webpack.config.js). */
declare module '@xyflow/react/dist/style.css' {
  const css: string;
  export default css;
}

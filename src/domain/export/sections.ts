/**
 * A section appended to an evidence table (the ICB summary, the DSPT evidence): a heading row, its
 * rows, then a blank row. The heading, and the section's own table header where it has one, are
 * recorded for bold.
 */
export interface Section {
  readonly rows: string[][];
  /** The index within `rows` of the section's table header; null when it has no table. */
  readonly headerOffset: number | null;
}

export function appendSection(summary: { rows: string[][]; headingRows: number[] }, heading: string, section: Section): { rows: string[][]; headingRows: number[] } {
  const start = summary.rows.length;
  const headingRows = [...summary.headingRows, start];
  if (section.headerOffset !== null) headingRows.push(start + 1 + section.headerOffset);
  return { rows: [...summary.rows, [heading], ...section.rows, []], headingRows };
}

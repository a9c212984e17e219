/** Finding rows that repeat an entry already in the register, or an earlier row of the same file. */

export interface DuplicateTitle {
  /** Position of the row in `newTitles`. */
  readonly index: number;
  readonly title: string;
  /** 'existing': already in the register; 'earlier-row': repeats a row higher up in the file. */
  readonly kind: 'existing' | 'earlier-row';
  /** The register title it matches, or the earlier row's title. */
  readonly matches: string;
  /** For 'earlier-row', that row's position in `newTitles`; for 'existing', the position in `existingTitles`. */
  readonly matchIndex?: number;
}

/** How titles compare for duplicates: ignoring case and all spacing ("Systm One" = "SystmOne"). */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * @returns one item per new title that repeats an existing entry or an earlier row (blank titles
 *   are ignored: they are reported as missing names instead), in row order. A title that is both in
 *   the register and repeated in the file is reported as 'existing' each time.
 */
export function findDuplicates(newTitles: readonly string[], existingTitles: readonly string[]): DuplicateTitle[] {
  const existing = new Map<string, number>();
  existingTitles.forEach((title, index) => {
    if (!existing.has(titleKey(title))) existing.set(titleKey(title), index);
  });
  const seen = new Map<string, number>();
  const duplicates: DuplicateTitle[] = [];
  newTitles.forEach((title, index) => {
    const key = titleKey(title);
    if (key === '') return;
    const inRegister = existing.get(key);
    const earlier = seen.get(key);
    if (inRegister !== undefined) {
      duplicates.push({ index, title, kind: 'existing', matches: existingTitles[inRegister] ?? '', matchIndex: inRegister });
    } else if (earlier !== undefined) {
      duplicates.push({ index, title, kind: 'earlier-row', matches: newTitles[earlier] ?? '', matchIndex: earlier });
    }
    if (earlier === undefined) seen.set(key, index);
  });
  return duplicates;
}

/** What a benchmark module reports: each figure beside its target and, where there is one, a naive baseline. */
export interface BenchFigure {
  /** The key in the final JSON line, e.g. `filterKeystrokeMs`. Nested figures use a dotted key: `reminderRun.wallMs`. */
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  /** Plain words, e.g. "at most 50 ms". */
  readonly target?: string;
  /** True when the figure meets its target; undefined when there is no target. */
  readonly met?: boolean;
  /** The same figure measured the naive way in the same run (reported as `<key>Baseline`). */
  readonly baseline?: number;
  readonly note?: string;
}

export interface BenchModule {
  readonly name: string;
  run(): Promise<BenchFigure[]>;
}

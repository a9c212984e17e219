/**
 * One error type for every packaging problem, carrying the full list so a user fixes everything in
 * one pass instead of meeting the problems one at a time.
 */
export class PackageError extends Error {
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[]) {
    super([summary, ...problems.map((p) => `  - ${p}`)].join('\n'));
    this.name = 'PackageError';
    this.problems = problems;
  }
}

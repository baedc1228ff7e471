// One problem, one line: a problem the registry reports that the editor already shows is not shown again.

/** Where a problem is shown and how severe it is (a vscode.Diagnostic fits, by its start line). */
export interface Placed {
  readonly line: number;
  /** vscode.DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint. */
  readonly severity: number;
}

/** Whether `problem` says again what one of `shown` already says: on the same line with the same severity. */
export function repeats(problem: Placed, shown: readonly Placed[]): boolean {
  return shown.some((other) => other.line === problem.line && other.severity === problem.severity);
}

/** The problems not already shown, in their order. */
export function notShownYet<T>(problems: readonly T[], shown: readonly Placed[], place: (problem: T) => Placed): T[] {
  return problems.filter((problem) => !repeats(place(problem), shown));
}

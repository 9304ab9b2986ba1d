/** One thing wrong with a pack: which file, where in it (a JSON path from `$`), and why. */
export interface PackProblem {
  file: string;
  path: string;
  reason: string;
}

/** Writes a path like ["entities", 3, "names"] as `$.entities[3].names`. */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${String(segment)}`),
    '$',
  );
}

export function describeProblems(problems: readonly PackProblem[]): string {
  return problems.map((problem) => `${problem.file} ${problem.path}: ${problem.reason}`).join('\n');
}

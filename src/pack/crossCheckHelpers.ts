import type { CheckContext } from './checkContext.js';
import type { Fact } from './packSchema.js';

/** Reports each key seen before, at the path of its later occurrence. */
export function reportDuplicates(
  context: CheckContext,
  file: string,
  keys: readonly string[],
  pathOf: (index: number) => (string | number)[],
  what: string,
): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) context.report(file, pathOf(index), `${what} "${key}" appears more than once`);
    seen.add(key);
  });
}

/** Sources, stamps (not before `earliest`) and name leaks of a list of facts. */
export function crossCheckFacts(
  context: CheckContext,
  file: string,
  path: (string | number)[],
  facts: readonly Fact[],
  earliest: number,
  dependsOn: string,
): void {
  facts.forEach((fact, index) => {
    context.checkSource(file, [...path, index, 'source'], fact.source);
    context.checkStamp(file, [...path, index, 'revealedIn'], fact.revealedIn, earliest, dependsOn);
    context.checkMentions(file, [...path, index, 'text'], fact.text, fact.revealedIn);
  });
}

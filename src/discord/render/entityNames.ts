export interface RevealedName {
  name: string;
  nameKind: string;
}

/** Every other visible name (aliases, nicknames, Japanese spellings, earlier primary names), without repeats. */
export function otherNames(names: readonly RevealedName[], current: string): string[] {
  return [...new Set(names.map((name) => name.name))].filter((name) => name !== current);
}

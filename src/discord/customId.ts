const separator = ':';
const maximumLength = 100;

/** Builds a component custom id `name:arg:arg`, within Discord's 100 characters. */
export function customId(name: string, ...parts: Array<string | number>): string {
  const id = [name, ...parts.map(String)].join(separator);
  if (id.length > maximumLength) throw new Error(`custom id longer than ${maximumLength}: ${id}`);
  return id;
}

export function splitCustomId(id: string): { name: string; parts: string[] } {
  const [name = '', ...parts] = id.split(separator);
  return { name, parts };
}

export type OptionValue = string | number | boolean;

export interface ParsedCommand {
  name: string;
  /** Words before the first option: a subcommand, or a group and a subcommand. */
  path: string[];
  options: Record<string, OptionValue>;
}

/** Splits on spaces, keeping quoted text ("James Blood" or 'James Blood') together. */
function words(line: string): string[] {
  return [...line.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)].map((match) => match[0].replace(/["']/g, ''));
}

function typedValue(raw: string): OptionValue {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

/**
 * Reads a slash command the way a person types it in the playground:
 * `/progress set episode:3`, `/character name:"James Blood" private:true`.
 * Returns undefined when the line is not a slash command.
 */
export function parseCommandLine(line: string): ParsedCommand | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return undefined;
  const [head = '', ...rest] = words(trimmed.slice(1));
  if (head === '') return undefined;
  const path: string[] = [];
  const options: Record<string, OptionValue> = {};
  for (const word of rest) {
    const colon = word.indexOf(':');
    if (colon > 0) options[word.slice(0, colon)] = typedValue(word.slice(colon + 1));
    else if (Object.keys(options).length === 0) path.push(word);
  }
  return { name: head.toLowerCase(), path, options };
}

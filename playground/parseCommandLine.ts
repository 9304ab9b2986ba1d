export interface ParsedCommand {
  name: string;
  /** Words before the first option: a subcommand, or a group and a subcommand. */
  path: string[];
  /** Option values as typed, in the order typed; the command's definition decides their types. */
  options: Record<string, string>;
}

const optionNamePattern = /^([a-z][\w-]*):/i;

/** Where an option value that starts with a quote ends: the matching quote before a space or the end. */
function closingQuote(text: string, quote: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === quote && (index + 1 === text.length || /\s/.test(text[index + 1] ?? ''))) return index;
  }
  return -1;
}

/** Where an unquoted value ends: before the next ` name:` that names an option, else at the end. */
function valueEnd(text: string, from: number, isOptionName: (name: string) => boolean): number {
  const next = /\s+([a-z][\w-]*):/gi;
  next.lastIndex = from;
  for (let match = next.exec(text); match; match = next.exec(text)) {
    if (isOptionName(match[1] ?? '')) return match.index;
  }
  return text.length;
}

/**
 * Reads a slash command the way a person types it in the playground, dropping nothing:
 * `/progress set episode:3`, `/watchparty schedule start:in 2 minutes title:"Alice's night"`.
 * An unquoted value runs up to the next `name:`; `isOptionName` narrows which names count (the
 * command's own options), so `query:what is a mask: the truth` stays one value. Returns undefined
 * when the line is not a slash command.
 */
export function parseCommandLine(line: string, isOptionName: (name: string) => boolean = () => true): ParsedCommand | undefined {
  const text = line.trim();
  const head = /^\/(\S+)/.exec(text);
  if (!head?.[1]) return undefined;
  const path: string[] = [];
  const options: Record<string, string> = {};
  let position = head[0].length;
  while (position < text.length) {
    const rest = text.slice(position);
    const skipped = rest.length - rest.trimStart().length;
    position += skipped;
    if (skipped === rest.length) break;
    const option = optionNamePattern.exec(text.slice(position));
    if (option?.[1] && (isOptionName(option[1]) || Object.keys(options).length === 0)) {
      const name = option[1].toLowerCase();
      const start = position + option[0].length;
      const quote = text[start];
      const closing = quote === '"' || quote === "'" ? closingQuote(text, quote, start + 1) : -1;
      const end = closing >= 0 ? closing + 1 : valueEnd(text, start, isOptionName);
      options[name] = closing >= 0 ? text.slice(start + 1, closing) : text.slice(start, end).trim();
      position = end;
    } else {
      const word = /^\S+/.exec(text.slice(position))?.[0] ?? '';
      path.push(word.toLowerCase());
      position += word.length;
    }
  }
  return { name: head[1].toLowerCase(), path, options };
}

import { splitAtSafeBreaks } from './spoilerSafeText.js';

/** A part of a card: an optional heading over entries that are never split across pages (a fact, a name). */
export interface CardSection {
  heading?: string;
  lines: readonly string[];
}

export interface PageLayoutOptions {
  /** Characters per page; Discord allows 4096 in a description, but shorter pages read better. */
  maximumCharacters?: number;
  /** Entries per page, for lists that are easier to scan in small pages. */
  maximumLines?: number;
}

const defaultLayout = { maximumCharacters: 1800, maximumLines: 30 } as const;
const continued = ' (continued)';
/** What a heading line adds to a page besides its text: the bold markers and the line breaks. */
const headingOverhead = 8;

interface Block {
  heading: string | undefined;
  lines: string[];
}

function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block) => [...(block.heading ? [`**${block.heading}**`] : []), ...block.lines].join('\n'))
    .join('\n\n');
}

/**
 * Lays sections out as page descriptions. Entries are kept whole and in order; a section that
 * runs over a page carries its heading onto the next page marked "(continued)". Only an entry
 * longer than a whole page is split, at spaces and never through a `||spoiler||` tag.
 */
export function layoutPages(sections: readonly CardSection[], options: PageLayoutOptions = {}): string[] {
  const maximumCharacters = options.maximumCharacters ?? defaultLayout.maximumCharacters;
  const maximumLines = options.maximumLines ?? defaultLayout.maximumLines;
  const pages: Block[][] = [];
  let page: Block[] = [];
  const lineCount = (blocks: readonly Block[]) => blocks.reduce((total, block) => total + block.lines.length, 0);

  for (const section of sections) {
    const headingLength = (section.heading?.length ?? 0) + continued.length + headingOverhead;
    const entries = section.lines.flatMap((line) => splitAtSafeBreaks(line, maximumCharacters - headingLength));
    let block: Block | undefined;
    let placed = 0;
    for (const entry of entries) {
      const attempt = block ? [...page.slice(0, -1), { ...block, lines: [...block.lines, entry] }] : [...page, newBlock(section, placed, entry)];
      if (page.length > 0 && (renderBlocks(attempt).length > maximumCharacters || lineCount(attempt) > maximumLines)) {
        pages.push(page);
        page = [newBlock(section, placed, entry)];
      } else {
        page = attempt;
      }
      block = page.at(-1);
      placed += 1;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages.map(renderBlocks);
}

function newBlock(section: CardSection, alreadyPlaced: number, entry: string): Block {
  const heading = section.heading && alreadyPlaced > 0 ? section.heading + continued : section.heading;
  return { heading, lines: [entry] };
}

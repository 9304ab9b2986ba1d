const spoilerDelimiter = '||';
const ellipsis = '…';
/** The smallest budget that always leaves room for a spoiler tag closed and reopened around a character. */
const smallestBudget = 8;

/** Whether the text ends inside an open `||spoiler` (an odd number of delimiters). */
export function endsInsideSpoiler(text: string): boolean {
  return text.split(spoilerDelimiter).length % 2 === 0;
}

/** Where to cut `text` so the head has at most `budget` characters: the last space, else a hard cut. */
function cutPosition(text: string, budget: number): number {
  const space = text.slice(0, budget + 1).search(/\s\S*$/);
  if (space > 0 && text.slice(0, space).trim() !== spoilerDelimiter) return space;
  let cut = budget;
  // Never between the two bars of a delimiter, nor between the halves of a surrogate pair.
  if (text[cut - 1] === '|' && text[cut] === '|') cut -= 1;
  const previous = text.charCodeAt(cut - 1);
  if (previous >= 0xd800 && previous <= 0xdbff) cut -= 1;
  return cut;
}

/**
 * Splits text into pieces of at most `maximum` characters, at spaces where possible. A `||spoiler||`
 * that has to be split is closed at the end of one piece and reopened at the start of the next,
 * so no piece ever shows a broken tag (and with it the hidden text).
 */
export function splitAtSafeBreaks(text: string, maximum: number): string[] {
  if (maximum < smallestBudget) throw new Error(`cannot split text into pieces shorter than ${smallestBudget}`);
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maximum) {
    const widest = cutPosition(rest, maximum);
    // A cut inside a spoiler needs room for the closing delimiter.
    const cut = endsInsideSpoiler(rest.slice(0, widest)) ? cutPosition(rest, maximum - spoilerDelimiter.length) : widest;
    const head = rest.slice(0, cut).trimEnd();
    const insideSpoiler = endsInsideSpoiler(head);
    pieces.push(insideSpoiler ? head + spoilerDelimiter : head);
    const tail = rest.slice(cut).trimStart();
    rest = insideSpoiler ? spoilerDelimiter + tail : tail;
  }
  if (rest.trim() !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Text within `maximum` characters: cut at a space with an ellipsis, spoiler tags kept whole. */
export function truncate(text: string, maximum: number): string {
  if (text.length <= maximum) return text;
  const [first = ''] = splitAtSafeBreaks(text, maximum - ellipsis.length);
  return first + ellipsis;
}

import type { TestBot } from './botHarness.js';
import type { InteractionOutcome, StoredMessage } from '../fakeDiscord/index.js';

interface ButtonLike {
  type?: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  components?: ButtonLike[];
}

const nextLabel = 'Next ▶';
/** More pages than any lookup has: a guard against a Next button that never ends. */
const mostPages = 50;

/** The custom id of a message's enabled "Next" button, if it has one. */
export function nextPageButton(message: StoredMessage | undefined): string | undefined {
  const buttons = ((message?.components ?? []) as ButtonLike[]).flatMap((row) => row.components ?? []);
  return buttons.find((button) => button.label === nextLabel && button.disabled !== true)?.custom_id;
}

/** Clicks "Next" until the last page, as `as` in `channelId`; the text of every page, first page first. */
export async function everyPageText(
  harness: TestBot,
  first: InteractionOutcome,
  as: keyof TestBot['users'],
  channelId: string = harness.channels.general.id,
): Promise<string[]> {
  const pages = [harness.text(first)];
  let message = first.message;
  for (let next = nextPageButton(message); message && next; next = nextPageButton(message)) {
    if (pages.length >= mostPages) throw new Error(`more than ${mostPages} pages: the Next button never ends`);
    const outcome = await harness.click(as, message.id, next, channelId);
    pages.push(harness.text(outcome));
    message = outcome.message;
  }
  return pages;
}

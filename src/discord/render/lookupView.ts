import type { BotContext } from '../../context.js';
import { seriesBeforeSeveral } from '../../domain/series.js';
import type { Audience } from '../../domain/spoilerGate.js';
import type { KnowledgeRepository } from '../../storage/knowledge/knowledgeRepository.js';
import { replyProgress } from '../replyProgress.js';
import type { ReplyProgress } from '../replyProgress.js';
import { pageButtonId } from './pageButtonId.js';
import type { Invocation } from '../invocation.js';
import type { ComponentReply, Reply } from '../reply.js';
import { ephemeralText } from '../reply.js';
import { userMessages } from '../userMessages.js';
import { renderCardPage } from './cardPage.js';
import { madeOncePerSeries } from './madeOncePerSeries.js';
import type { Card } from './cardPage.js';
import { pageButtons } from './pageButtons.js';

const nothingToShow = 'I found nothing to show for that. Check the options and try again.';

/**
 * A gated, paged answer: what a lookup command shows and what its page buttons show again. The
 * arguments travel in the buttons' custom ids (so buttons survive a restart); the progress does
 * not: every page is gated again at the progress of the moment it is asked for.
 */
export interface LookupViewSpec<Arguments> {
  name: string;
  audience(input: Arguments): Audience;
  /** The arguments as custom id parts; the last part may contain ':'. */
  toParts(input: Arguments): string[];
  /** Back from custom id parts; undefined for parts this view never wrote (stale or forged). */
  fromParts(parts: readonly string[]): Arguments | undefined;
  /** The card at this progress, or null when its subject is not visible (exactly as if it did not exist). */
  card(input: Arguments, gate: ReplyProgress, context: BotContext): Promise<Card | null> | Card | null;
  /** The ephemeral answer when `card` gives null: the same for "not visible yet" as for "does not exist". */
  notFound?: string;
}

export interface LookupView<Arguments> extends LookupViewSpec<Arguments> {
  /**
   * The first page for a slash command, or the view's `notFound` (ephemeral) when the subject is not visible;
   * `gate`: the reply's progress when the command has read it already (at this view's audience).
   */
  answer(input: Arguments, invocation: Invocation, context: BotContext, gate?: ReplyProgress): Promise<Reply>;
  /** A page button: the page asked for, gated at the clicker's current progress. */
  turnPage(parts: readonly string[], page: number, invocation: Invocation, context: BotContext): Promise<ComponentReply>;
}

/** What the page-button handler needs of a view, without its argument type. */
export type PageTurner = Pick<LookupView<unknown>, 'name' | 'turnPage'>;

function gateLabel(gate: ReplyProgress, audience: Audience): string {
  return audience === 'asker-only' ? `${gate.safeLabel} · your own progress` : gate.safeLabel;
}

export function defineLookupView<Arguments>(spec: LookupViewSpec<Arguments>): LookupView<Arguments> {
  /** `seriesId`: for a page button, the series its answer was about; a channel now watching another gets nothing. */
  async function render(input: Arguments, page: number, gate: ReplyProgress, context: BotContext, seriesId?: string): Promise<Reply | null> {
    const audience = spec.audience(input);
    if (seriesId !== undefined && seriesId !== gate.series.id) return null;
    const card = await spec.card(input, gate, context);
    if (!card) return null;
    const shown = renderCardPage(card, page, gateLabel(gate, audience));
    // The series the answer is about goes first, so a click re-checks against the series the channel watches then.
    const idFor = (target: number) => pageButtonId(spec.name, target, [gate.series.id, ...spec.toParts(input)]);
    return {
      embeds: [shown.embed],
      components: pageButtons(idFor, shown.page, shown.pageCount),
      ephemeral: audience === 'asker-only',
    };
  }

  return {
    ...spec,
    async answer(input, invocation, context, gate) {
      const reply = await render(input, 1, gate ?? (await replyProgress(context, invocation, spec.audience(input))), context);
      return reply ?? ephemeralText(spec.notFound ?? nothingToShow);
    },
    async turnPage(allParts, page, invocation, context) {
      // Buttons posted before the bot served several series carry none: they were about the one series there was.
      const [first = '', ...rest] = allParts;
      const [seriesId, parts] = context.series.byId(first) ? [first, rest] : [seriesBeforeSeveral, allParts];
      const input = spec.fromParts(parts);
      const reply = input === undefined ? null : await render(input, page, await replyProgress(context, invocation, spec.audience(input)), context, seriesId);
      return reply ? { kind: 'update', reply } : { kind: 'reply', reply: ephemeralText(userMessages.staleComponent) };
    },
  };
}

/**
 * A lookup that takes no arguments (/series, /characters): the same card for everyone in the channel, made once per
 * series and progress (/series took 0.4 ms to make).
 */
export function defineArgumentlessView(
  name: string,
  card: (progress: number, knowledge: KnowledgeRepository) => Card | null,
): LookupView<Record<string, never>> {
  // One card per episode of a series: all of them for any series up to this many episodes.
  const cardAt = madeOncePerSeries(500, card);
  return defineLookupView<Record<string, never>>({
    name,
    audience: () => 'everyone',
    toParts: () => [],
    fromParts: (parts) => (parts.length === 0 ? {} : undefined),
    card: (_input, gate) => cardAt(gate.progress, gate.knowledge),
  });
}

import type { RunningBot } from '../../src/bot.js';
import type { InteractionReport } from '../../src/discord/interactionReport.js';
import type { BotMetrics } from '../../src/health/metrics.js';

export type Outcome = InteractionReport['outcome'];
type OutcomeCounts = Record<Outcome, number>;

/** Long enough for any answer; the router's own drain limit on shutdown is 5 s. */
const drainLimitMilliseconds = 5_000;

/** How many interactions the router has finished with each outcome, read from the bot's own metrics. */
async function outcomeCounts(metrics: BotMetrics): Promise<OutcomeCounts> {
  const counts: OutcomeCounts = { ok: 0, refused: 0, invalid: 0, error: 0 };
  const metric = metrics.registry.getSingleMetric('watchalong_interactions_total');
  if (!metric) throw new Error('the bot counts no interactions (watchalong_interactions_total is missing)');
  for (const { labels, value } of (await metric.get()).values) counts[labels['outcome'] as Outcome] += value;
  return counts;
}

/**
 * Runs one interaction and tells what the router made of it (ok, refused, invalid, error). The
 * router counts an interaction just after its answer reaches Discord, so both readings wait for
 * the interactions in flight to finish; run interactions one at a time around this.
 */
export async function observeOutcome<T>(bot: RunningBot, act: () => Promise<T>): Promise<{ value: T; outcome: Outcome }> {
  await bot.router.drain(drainLimitMilliseconds);
  const before = await outcomeCounts(bot.context.metrics);
  const value = await act();
  await bot.router.drain(drainLimitMilliseconds);
  const after = await outcomeCounts(bot.context.metrics);
  const changed = (Object.keys(after) as Outcome[]).filter((outcome) => after[outcome] !== before[outcome]);
  const [outcome] = changed;
  if (changed.length !== 1 || !outcome || after[outcome] - before[outcome] !== 1) {
    throw new Error(`expected exactly one interaction to finish, counts went from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
  }
  return { value, outcome };
}

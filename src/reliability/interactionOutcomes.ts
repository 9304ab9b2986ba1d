import type { BotMetrics } from '../health/metrics.js';
import type { InteractionReport } from '../discord/router.js';

export type Outcome = InteractionReport['outcome'];
export type OutcomeCounts = Record<Outcome, number>;

/** How many interactions the router has finished with each outcome, read from the bot's own metrics. */
export async function outcomeCounts(metrics: BotMetrics): Promise<OutcomeCounts> {
  const counts: OutcomeCounts = { ok: 0, refused: 0, invalid: 0, error: 0 };
  const metric = metrics.registry.getSingleMetric('watchalong_interactions_total');
  if (!metric) throw new Error('the bot counts no interactions (watchalong_interactions_total is missing)');
  for (const { labels, value } of (await metric.get()).values) counts[labels['outcome'] as Outcome] += value;
  return counts;
}

const total = (counts: OutcomeCounts) => counts.ok + counts.refused + counts.invalid + counts.error;

/**
 * The outcome of the next interaction to finish after `before` was read. The router counts an
 * interaction just after its answer reaches Discord, so this waits a moment for the count.
 */
export async function nextOutcome(metrics: BotMetrics, before: OutcomeCounts, timeoutMilliseconds = 2_000): Promise<Outcome> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const after = await outcomeCounts(metrics);
    if (total(after) > total(before) + 1) throw new Error('more than one interaction finished; run them one at a time');
    const changed = (Object.keys(after) as Outcome[]).find((outcome) => after[outcome] !== before[outcome]);
    if (changed) return changed;
    if (Date.now() > deadline) throw new Error(`no interaction finished within ${timeoutMilliseconds} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

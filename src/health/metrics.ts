import type { Registry as RegistryType } from 'prom-client';
import { Counter, Gauge, Histogram, Registry, collectProcessMetrics } from './promClient.js';
import type { InteractionReport } from '../discord/interactionReport.js';

/** What the bot counts for Prometheus. One per process; a shard's series carry a `shard` label. */
export interface BotMetrics {
  readonly registry: RegistryType;
  interactionHandled(report: InteractionReport): void;
  /** Called by the reminder job for each reminder posted; `late` when it went out after its time. */
  reminderSent(timing: { late: boolean }): void;
  /** Called by the reminder job for a reminder dropped because it was too late to be useful. */
  reminderSkipped(): void;
  /** Where the server gauge reads its value at each scrape. */
  countGuildsWith(count: () => number): void;
  /** Adds Node's process metrics (CPU, memory, event loop lag): once per process, in main, once the bot is ready. */
  collectProcessMetrics(): void;
}

export interface MetricsOptions {
  /** Labels on every series, e.g. `{ shard: '1' }`. */
  labels?: Record<string, string>;
}

// Discord drops an interaction that has no answer after 3 s, so the buckets are finest around that.
const latencyBucketsSeconds = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

export function createMetrics(options: MetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels(options.labels);
  const registers = [registry];

  const interactions = new Counter({
    name: 'watchalong_interactions_total',
    help: 'Interactions handled, by kind, command and outcome (ok, refused, invalid, error).',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'watchalong_interaction_duration_seconds',
    help: 'Time from receiving an interaction to finishing its answer.',
    labelNames: ['kind'] as const,
    buckets: latencyBucketsSeconds,
    registers,
  });
  const remindersSent = new Counter({ name: 'watchalong_reminders_sent_total', help: 'Reminders posted.', registers });
  const remindersLate = new Counter({
    name: 'watchalong_reminders_late_total',
    help: 'Reminders posted after their time (also counted in watchalong_reminders_sent_total).',
    registers,
  });
  const remindersSkipped = new Counter({
    name: 'watchalong_reminders_skipped_total',
    help: 'Reminders dropped because the bot was offline past their grace period.',
    registers,
  });
  let guildCount = () => 0;
  new Gauge({
    name: 'watchalong_guilds',
    help: 'Servers this process serves.',
    registers,
    collect() {
      this.set(guildCount());
    },
  });

  return {
    registry,
    interactionHandled(report) {
      interactions.inc({ kind: report.kind, command: report.name, outcome: report.outcome });
      latency.observe({ kind: report.kind }, report.durationMilliseconds / 1000);
    },
    reminderSent({ late }) {
      remindersSent.inc();
      if (late) remindersLate.inc();
    },
    reminderSkipped() {
      remindersSkipped.inc();
    },
    countGuildsWith(count) {
      guildCount = count;
    },
    collectProcessMetrics: () => collectProcessMetrics(registry),
  };
}

import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

function sampleLine(text: string, series: string): string | undefined {
  return text.split('\n').find((line) => line.startsWith(`${series} `));
}

describe('createMetrics', () => {
  it('counts interactions by kind, command and outcome', async () => {
    const metrics = createMetrics();
    metrics.interactionHandled({ kind: 'command', name: 'help', outcome: 'ok', durationMilliseconds: 12 });
    metrics.interactionHandled({ kind: 'command', name: 'help', outcome: 'ok', durationMilliseconds: 40 });
    metrics.interactionHandled({ kind: 'command', name: 'progress set', outcome: 'refused', durationMilliseconds: 3 });

    const text = await metrics.registry.metrics();

    expect(sampleLine(text, 'watchalong_interactions_total{kind="command",command="help",outcome="ok"}')).toMatch(/ 2$/);
    expect(sampleLine(text, 'watchalong_interactions_total{kind="command",command="progress set",outcome="refused"}')).toMatch(/ 1$/);
  });

  it('puts interaction durations in second buckets', async () => {
    const metrics = createMetrics();
    metrics.interactionHandled({ kind: 'autocomplete', name: 'progress', outcome: 'ok', durationMilliseconds: 40 });
    metrics.interactionHandled({ kind: 'autocomplete', name: 'progress', outcome: 'ok', durationMilliseconds: 4_000 });

    const text = await metrics.registry.metrics();

    expect(sampleLine(text, 'watchalong_interaction_duration_seconds_bucket{le="0.05",kind="autocomplete"}')).toMatch(/ 1$/);
    expect(sampleLine(text, 'watchalong_interaction_duration_seconds_bucket{le="5",kind="autocomplete"}')).toMatch(/ 2$/);
    expect(sampleLine(text, 'watchalong_interaction_duration_seconds_sum{kind="autocomplete"}')).toMatch(/ 4\.04$/);
  });

  it('counts late reminders among the sent ones, and skipped ones apart', async () => {
    const metrics = createMetrics();
    metrics.reminderSent({ late: false });
    metrics.reminderSent({ late: true });
    metrics.reminderSkipped();

    const text = await metrics.registry.metrics();

    expect(sampleLine(text, 'watchalong_reminders_sent_total')).toBe('watchalong_reminders_sent_total 2');
    expect(sampleLine(text, 'watchalong_reminders_late_total')).toBe('watchalong_reminders_late_total 1');
    expect(sampleLine(text, 'watchalong_reminders_skipped_total')).toBe('watchalong_reminders_skipped_total 1');
  });

  it('reads the server count at scrape time', async () => {
    const metrics = createMetrics();
    let guilds = 3;
    metrics.countGuildsWith(() => guilds);

    expect(sampleLine(await metrics.registry.metrics(), 'watchalong_guilds')).toBe('watchalong_guilds 3');
    guilds = 4;
    expect(sampleLine(await metrics.registry.metrics(), 'watchalong_guilds')).toBe('watchalong_guilds 4');
  });

  it('labels every series with the given labels, process metrics included', async () => {
    const metrics = createMetrics({ labels: { shard: '1' } });
    metrics.collectProcessMetrics();

    const text = await metrics.registry.metrics();

    expect(sampleLine(text, 'watchalong_guilds{shard="1"}')).toBe('watchalong_guilds{shard="1"} 0');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{shard="1"\} /m);
  });

  it('keeps separate registries apart', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.reminderSent({ late: false });

    expect(sampleLine(await second.registry.metrics(), 'watchalong_reminders_sent_total')).toBe('watchalong_reminders_sent_total 0');
  });
});

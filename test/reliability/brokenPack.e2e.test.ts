import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { userMessages } from '../../src/discord/userMessages.js';
import { createBotHealthSource } from '../../src/health/botHealth.js';
import { startHealthServer } from '../../src/health/healthServer.js';
import { createMetrics } from '../../src/health/metrics.js';
import { startTestBot } from '../support/botHarness.js';
import { clockworkOrchardPackDirectory, editPackFile, heroMaskPackDirectory } from '../support/packFixture.js';

describe('a broken pack beside a good one', () => {
  it('is left out and named on /healthz, while the good one keeps working and the broken one’s party is told what to do', async () => {
    const first = await startTestBot({ packs: [heroMaskPackDirectory, clockworkOrchardPackDirectory] });
    const { general, dub } = first.channels;
    await first.run('admin', 'party', { subcommand: 'create', options: { name: 'Orchard', channel: dub.id, series: 'clockwork-orchard' } });
    await first.bot.stop();
    // An author's slip: the special lost its season.
    const packsDirectory = join(first.folder, 'packs');
    editPackFile(join(packsDirectory, 'clockwork-orchard'), 'episodes.json', (value) => {
      delete value.episodes[3].season;
    });

    const harness = await startTestBot({ restartOf: first, environment: { KNOWLEDGE_PACKS_DIR: packsDirectory } });
    const health = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      source: createBotHealthSource(createMetrics(), () => harness.bot),
      logger: pino({ level: 'silent' }),
    });
    try {
      const answer = await fetch(`http://127.0.0.1:${health.port}/healthz`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({
        status: 'ok',
        brokenPacks: { 'clockwork-orchard': expect.stringMatching(/^episodes\.json \$\.episodes\[3\]\.season: /) },
      });

      await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 3 }, channelId: general.id });
      expect(harness.text(await harness.run('alice', 'character', { options: { name: 'James' }, channelId: general.id }))).toContain('James Blood');
      expect(harness.text(await harness.run('alice', 'series', { channelId: dub.id }))).toBe(userMessages.seriesUnavailable('Orchard', 'clockwork-orchard'));
      expect(await harness.autocomplete('alice', 'character', 'name', 'Wr', { channelId: dub.id })).toEqual([]);
      const offered = await harness.autocomplete('admin', 'party', 'series', '', { subcommand: 'series', options: { name: 'Orchard' } });
      expect(offered.map((choice) => choice.value)).toEqual(['hero-mask']);
      await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'hero-mask' } });
      expect(harness.text(await harness.run('alice', 'series', { channelId: dub.id }))).toMatch(/^Hero Mask/);
    } finally {
      await health.close();
      await harness.close();
    }
  });
});

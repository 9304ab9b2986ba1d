import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord } from './fakeDiscord.js';
import { createPongBot } from './pongBot.js';

describe('the pong bot baseline', () => {
  let fake: FakeDiscord;
  let bot: Client<true>;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await createPongBot(fake.apiBase);
  });

  afterAll(async () => {
    await bot.destroy();
    await fake.close();
  });

  it('answers every registered command with "pong"', async () => {
    const guild = fake.addGuild({ name: 'Bench' });
    const channel = fake.addChannel(guild.id, { name: 'bench' });
    const user = fake.addMember(guild.id, { username: 'bencher' });
    fake.registerCommands([
      { name: 'watch', description: 'Anything', options: [{ name: 'episode', description: 'Which', type: 4 }] },
      { name: 'quiz', description: 'Anything else' },
    ]);

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        fake.sendCommand({ channelId: channel.id, userId: user.id, name: index % 2 === 0 ? 'watch' : 'quiz', options: index % 2 === 0 ? { episode: index } : {} }),
      ),
    );

    expect(outcomes.map((outcome) => outcome.message?.content)).toEqual(Array.from({ length: 20 }, () => 'pong'));
    expect(fake.channelMessages(channel.id)).toHaveLength(20);
  });

  it('offers one "pong" choice to every autocomplete', async () => {
    const guild = fake.addGuild({ name: 'Bench autocomplete' });
    const channel = fake.addChannel(guild.id, { name: 'bench' });
    const user = fake.addMember(guild.id, { username: 'typist' });
    fake.registerCommands([{ name: 'look', description: 'Anything', options: [{ name: 'name', description: 'Who', type: 3, autocomplete: true }] }], guild.id);

    const choices = await fake.sendAutocomplete({ channelId: channel.id, userId: user.id, name: 'look', focused: 'name', options: { name: 'a' } });

    expect(choices).toEqual([{ name: 'pong', value: 'pong' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';

let harness: TestBot;
beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness.close();
});

describe('the bot through the fake Discord', () => {
  it('logs in and registers every command once', () => {
    const names = harness.fake.registeredCommands().map((command) => command['name']);
    expect(names).toEqual(expect.arrayContaining(['help', 'progress', 'party']));
    const registrations = harness.fake.requests.filter((request) => request.method === 'PUT' && request.path.includes('/commands'));
    expect(registrations).toHaveLength(1);
  });

  it('answers /help ephemerally without pinging anyone', async () => {
    const outcome = await harness.run('alice', 'help');
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('/progress');
    expect(outcome.message?.allowedMentions).toMatchObject({ parse: [] });
  });

  it('lists subcommands in /help, and fits the first step to who asks', async () => {
    const forMember = harness.text(await harness.run('alice', 'help'));
    for (const subcommand of ['**/progress set**', '**/watchparty schedule**', '**/trivia start**', '**/series**']) expect(forMember).toContain(subcommand);
    expect(forMember).toContain('Start with /progress show');
    expect(harness.text(await harness.run('host', 'help'))).toContain('Start with /progress set');
    expect(harness.text(await harness.run('admin', 'help'))).toContain('Start with /settings');
  });

  it('walks /progress through set, next, show, undo', async () => {
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain('has not finished an episode');
    const set = await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 3 } });
    expect(set.ephemeral).toBe(false);
    expect(harness.text(set)).toContain('episode 3');
    expect(harness.text(set)).toContain('S1E3');
    await harness.run('admin', 'progress', { subcommand: 'next' });
    const shown = harness.text(await harness.run('bob', 'progress', { subcommand: 'show' }));
    expect(shown).toContain('episode 4');
    expect(shown).toContain(`<@${harness.users.admin.id}>`);
    expect(harness.text(await harness.run('host', 'progress', { subcommand: 'undo' }))).toContain('episode 3');
  });

  it('refuses progress changes from members who are not hosts, and changes nothing', async () => {
    const before = harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }));
    for (const subcommand of ['set', 'next', 'undo']) {
      const outcome = await harness.run('alice', 'progress', {
        subcommand,
        ...(subcommand === 'set' ? { options: { episode: 9 } } : {}),
      });
      expect(outcome.ephemeral).toBe(true);
      expect(harness.text(outcome)).toContain('Only hosts');
    }
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toBe(before);
  });

  it('refuses an episode past the end of the series', async () => {
    const outcome = await harness.run('admin', 'progress', { subcommand: 'set', options: { episode: 99 } });
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('There are only 24 episodes');
  });

  it('keeps a personal progress that only its owner sees', async () => {
    const outcome = await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 1 } });
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('episode 1 (S1E1)');
  });

  it('autocompletes episodes as "S1E3 · episode 3"', async () => {
    const choices = await harness.autocomplete('host', 'progress', 'episode', '3', { subcommand: 'set' });
    expect(choices[0]).toEqual({ name: 'S1E3 · episode 3', value: 3 });
    expect(choices.length).toBeLessThanOrEqual(25);
    const all = await harness.autocomplete('host', 'progress', 'episode', '', { subcommand: 'set' });
    expect(all).toHaveLength(25);
  });

  it('runs a separate party per channel', async () => {
    const created = await harness.run('admin', 'party', {
      subcommand: 'create',
      options: { name: 'Dub crew', channel: harness.channels.dub.id, 'host-role': harness.hostRole.id },
    });
    expect(harness.text(created)).toContain('Dub crew');
    expect(harness.text(created)).toContain('having finished S1E3, carried over from the server’s watch party');
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show', channelId: harness.channels.dub.id }))).toContain('episode 3');
    const again = await harness.run('admin', 'party', { subcommand: 'create', options: { name: 'Again', channel: harness.channels.dub.id } });
    expect(harness.text(again)).toContain('That channel already has a watch party');
    await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 1 }, channelId: harness.channels.dub.id });
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show', channelId: harness.channels.dub.id }))).toContain(
      'episode 1',
    );
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain('episode 3');
    const refused = await harness.run('host', 'party', { subcommand: 'remove', options: { name: 'Dub crew' } });
    expect(harness.text(refused)).toContain('Only members with Manage Server can do that. Ask one of them to do it for you.');
    expect(harness.text(refused)).not.toContain('Ask a host');
    expect(await harness.autocomplete('admin', 'party', 'name', 'dub', { subcommand: 'remove' })).toEqual([{ name: 'Dub crew', value: 'Dub crew' }]);
    expect(harness.text(await harness.run('admin', 'party', { subcommand: 'remove', options: { name: 'Dub crew' } }))).toContain('removed');
  });

  it('starts a party at the episode given, within the series', async () => {
    const options = { name: 'Sub crew', channel: harness.channels.dub.id };
    expect(harness.text(await harness.run('admin', 'party', { subcommand: 'create', options: { ...options, episode: 99 } }))).toContain('There are only');
    const created = await harness.run('admin', 'party', { subcommand: 'create', options: { ...options, episode: 5 } });
    expect(harness.text(created)).toContain('having finished S1E5.');
    expect(harness.text(await harness.run('bob', 'progress', { subcommand: 'show', channelId: harness.channels.dub.id }))).toContain('episode 5');
    await harness.run('admin', 'party', { subcommand: 'remove', options: { name: 'Sub crew' } });
  });

  it('says which progress public answers follow after /progress mine', async () => {
    const ahead = harness.text(await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 10 } }));
    expect(ahead).toContain('Public answers here follow your party, which has finished S1E3');
    const behind = harness.text(await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 1 } }));
    expect(behind).toContain('Public answers you ask for stay at or below this');
    await harness.run('bob', 'progress', { subcommand: 'mine' });
  });

  it('sent nothing to routes Discord does not have', () => {
    expect(harness.fake.unknownRoutes).toEqual([]);
  });
});

describe('when a handler fails', () => {
  it('tells the user with an ephemeral error id, and keeps serving', async () => {
    const progress = harness.bot.context.progress;
    const working = progress.current;
    progress.current = () => {
      throw new Error('the disk caught fire');
    };
    try {
      const outcome = await harness.run('alice', 'progress', { subcommand: 'show' });
      expect(outcome.ephemeral).toBe(true);
      expect(harness.text(outcome)).toMatch(/Something went wrong on my side \(error id `[0-9a-f]{8}`\)/);
      expect(harness.text(outcome)).not.toContain('disk caught fire');
    } finally {
      progress.current = working;
    }
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain('episode');
  });

  it('answers a command from a direct message with where to use it', async () => {
    const dm = harness.fake.directMessageChannel(harness.users.alice.id);
    const outcome = await harness.fake.sendCommand({ channelId: dm.id, userId: harness.users.alice.id, name: 'progress', subcommand: 'show' });
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('works inside a server');
  });
});

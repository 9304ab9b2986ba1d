import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, components } from '../../commands/index.js';
import { accessLevelDescriptions } from '../../src/domain/permissions.js';
import type { AccessLevel } from '../../src/domain/permissions.js';
import { userMessages } from '../../src/discord/userMessages.js';
import { declaredAccessLevel } from '../../src/discord/catalog/accessTable.js';
import { createReminderTick } from '../../src/watchparty/reminderTick.js';
import { startTestBot } from '../support/botHarness.js';
import { createManualClock } from '../support/manualClock.js';
import type { ManualClock } from '../support/manualClock.js';
import type { TestBot } from '../support/botHarness.js';
import type { StoredMessage } from '../fakeDiscord/index.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import { observeOutcome } from './interactionOutcomes.js';
import { optionVariants } from './optionGenerators.js';
import { stateFingerprint } from './stateFingerprint.js';

const accessLevelFor = declaredAccessLevel(commands, components);

/*
 * The permission table enforced through the fake Discord: every command and subcommand, read from
 * the definitions, run by a plain member, a host (the server's host role) and an admin (Manage Server).
 */

type Member = 'alice' | 'host' | 'admin';
const mayUse: Record<AccessLevel, readonly Member[]> = {
  everyone: ['alice', 'host', 'admin'],
  host: ['host', 'admin'],
  'manage-server': ['admin'],
};
const minute = 60_000;

let harness: TestBot;
let clock: ManualClock;

beforeAll(async () => {
  clock = createManualClock(new Date(Math.ceil(Date.now() / minute) * minute));
  harness = await startTestBot({ clock });
});
afterAll(async () => {
  await harness.close();
});

const cases = commandShapes(commands).flatMap((shape) => (['alice', 'host', 'admin'] as const).map((member) => [shape.key, member, shape] as const));

describe('every command and subcommand checks who runs it', () => {
  it.each(cases)('/%s as %s', async (key, member, shape) => {
    const level = accessLevelFor(key);
    expect(level, `no permission table entry for ${key}`).toBeDefined();
    // The host role is the only role the options may name, so /settings host-role cannot take hosting away.
    const world = { channelIds: [harness.channels.dub.id], roleIds: [harness.hostRole.id], userIds: [harness.users.bob.id] };
    const [options = {}] = optionVariants(shape, world, 1);
    const before = await stateFingerprint(harness.bot.database);
    const { value: outcome, outcome: result } = await observeOutcome(harness.bot, () =>
      harness.run(member, shape.name, { ...(shape.subcommand ? { subcommand: shape.subcommand } : {}), options }),
    );
    const refusal = userMessages.notAllowed(accessLevelDescriptions[level!]);
    if (mayUse[level!].includes(member)) {
      expect(result).not.toBe('refused');
      expect(harness.text(outcome)).not.toBe(refusal);
    } else {
      expect(result).toBe('refused');
      expect(outcome.ephemeral).toBe(true);
      expect(harness.text(outcome)).toBe(refusal);
      expect(await stateFingerprint(harness.bot.database)).toBe(before);
    }
  });
});

describe('a host-only button checks who clicks it', () => {
  let prompt: StoredMessage;
  let button: string;

  it('is posted after a session: "did you finish?"', async () => {
    const start = new Date(clock.now().getTime() + 90 * minute);
    await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: start.toISOString(), episodes: 1 } });
    const tick = createReminderTick({ client: harness.bot.client, context: harness.bot.context });
    clock.jumpTo(new Date(start.getTime() + 24 * minute));
    await tick(clock.now());
    prompt = await harness.fake.waitForMessage(harness.channels.general.id, (message) => message.content.includes('Did you finish'));
    button = (prompt.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[0]!.custom_id;
    expect(button).toMatch(/^finished:/);
    expect(accessLevelFor('button:finished')).toBe('host');
  });

  it.each(['alice', 'bob'] as const)('refuses %s, a plain member, and changes nothing', async (member) => {
    const party = await harness.bot.context.parties.forChannelOrDefault(harness.guild.id, harness.channels.general.id);
    const before = await stateFingerprint(harness.bot.database);
    const outcome = await harness.click(member, prompt.id, button);
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toBe(userMessages.notAllowed(accessLevelDescriptions.host));
    expect((await harness.bot.context.progress.current(party.id)).episode).toBe(0);
    expect(await stateFingerprint(harness.bot.database)).toBe(before);
    expect(harness.fake.message(harness.channels.general.id, prompt.id)?.content).toContain('Did you finish');
  });

  it('lets the host record the episode', async () => {
    const outcome = await harness.click('host', prompt.id, button);
    expect(harness.text(outcome)).toContain('recorded that the party finished');
    const party = await harness.bot.context.parties.forChannelOrDefault(harness.guild.id, harness.channels.general.id);
    expect((await harness.bot.context.progress.current(party.id)).episode).toBe(1);
  });
});

import type { BotContext } from '../../src/context.js';
import type { AccessLevel } from '../../src/domain/permissions.js';
import { commands, components } from '../../commands/index.js';
import { declaredAccessLevel } from '../../src/discord/catalog/accessTable.js';
import type { FakeDiscord } from '../fakeDiscord/index.js';
import type { OptionWorld } from './optionGenerators.js';

const accessLevelFor = declaredAccessLevel(commands, components);

/**
 * A server of its own for one progress, so every progress can be swept at the same time: a
 * channel whose party has finished `progress` episodes, a spare channel, and one member for each
 * access level (the owner has Manage Server; the host has the server's host role).
 */
export interface ProgressWorld {
  progress: number;
  /** The series the server's party watches. */
  seriesId: string;
  guildId: string;
  channelId: string;
  spareChannelId: string;
  hostRoleId: string;
  memberFor: Record<AccessLevel, string>;
}

/** Sets the world up through the bot's own commands, as an owner would. */
export async function createProgressWorld(fake: FakeDiscord, progress: number, seriesId = 'hero-mask'): Promise<ProgressWorld> {
  const guild = fake.addGuild({ name: `Progress ${progress}` });
  const hostRole = fake.addRole(guild.id, { name: 'Hosts' });
  const channel = fake.addChannel(guild.id, { name: 'watch' });
  const spare = fake.addChannel(guild.id, { name: 'spare' });
  const member = fake.addMember(guild.id, { username: `member-${progress}` });
  const host = fake.addMember(guild.id, { username: `host-${progress}`, roles: [hostRole.id] });
  const world: ProgressWorld = {
    progress,
    seriesId,
    guildId: guild.id,
    channelId: channel.id,
    spareChannelId: spare.id,
    hostRoleId: hostRole.id,
    memberFor: { everyone: member.id, host: host.id, 'manage-server': guild.ownerId },
  };
  const scene = { guildId: guild.id, channelId: channel.id };
  await fake.sendCommand({ ...scene, userId: guild.ownerId, name: 'settings', options: { 'host-role': hostRole.id, series: seriesId } });
  await fake.sendCommand({ ...scene, userId: host.id, name: 'progress', subcommand: 'set', options: { episode: progress } });
  return world;
}

/** The least trusted member the permission table lets use `key` ("progress set", "button:page"). */
export function actorFor(world: ProgressWorld, key: string): string {
  return world.memberFor[accessLevelFor(key) ?? 'manage-server'];
}

/** What channel, role and user options may point at: nothing that could take the world apart (the host role stays the host role). */
export function optionWorldOf(world: ProgressWorld): OptionWorld {
  return { channelIds: [world.channelId, world.spareChannelId], roleIds: [world.hostRoleId], userIds: [world.memberFor.everyone] };
}

/** The progress an answer to `userId` in the world's channel is gated at now: the party's, lowered to the member's own. */
export async function currentGate(context: BotContext, world: ProgressWorld, userId: string): Promise<number> {
  const party = await context.parties.forChannelOrDefault(world.guildId, world.channelId);
  const partyProgress = (await context.progress.current(party.id)).episode;
  const personal = await context.progress.personal(world.guildId, userId, party.seriesId);
  return personal === undefined ? partyProgress : Math.min(partyProgress, personal);
}

/**
 * Puts back what gates the world after an interaction changed it (a host set the progress, a
 * member set their own, an admin bound a new party to the channel, changed the host role or switched the series).
 */
export async function restoreWorld(context: BotContext, world: ProgressWorld): Promise<void> {
  const bound = await context.parties.forChannelOrDefault(world.guildId, world.channelId);
  if (bound.channelId !== null) await context.parties.remove(bound.id);
  const watching = await context.parties.forChannelOrDefault(world.guildId, world.channelId);
  const party = watching.seriesId === world.seriesId ? watching : await context.parties.switchSeries(watching.id, world.seriesId);
  if ((await context.progress.current(party.id)).episode !== world.progress) await context.progress.set(party.id, world.progress, world.memberFor.host);
  for (const userId of Object.values(world.memberFor)) {
    if (await context.progress.personal(world.guildId, userId, party.seriesId) !== undefined) await context.progress.clearPersonal(world.guildId, userId, party.seriesId);
  }
  if ((await context.settings.get(world.guildId)).hostRoleId !== world.hostRoleId) await context.settings.update(world.guildId, { hostRoleId: world.hostRoleId });
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from './database.js';
import { createPartyRepository } from './partyRepository.js';
import { ChannelHasPartyError, PartyNameTakenError } from '../domain/party.js';
import { createProgressRepository } from './progressRepository.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';

describeEachEngine('parties and progress', (engine) => {
    let database: SqlDatabase;
    let clock: Date;
    const now = () => clock;

  beforeEach(async () => {
    database = await engine.open();
    clock = new Date('2026-01-01T20:00:00Z');
});

describe('party repository', () => {
  it('gives every server a default party, and channels their own party', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const fallback = await parties.forChannelOrDefault('g1', 'c1');
    expect(fallback).toMatchObject({ guildId: 'g1', name: 'default', channelId: null });
    const dub = await parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: 'r1', seriesId: 'hero-mask' });
    expect((await parties.forChannelOrDefault('g1', 'c2')).id).toBe(dub.id);
    expect((await parties.forChannelOrDefault('g1', 'c1')).id).toBe(fallback.id);
    expect((await parties.list('g1')).map((party) => party.name)).toEqual(['default', 'Dub']);
  });

  it('refuses a taken name or a channel that already has a party', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    await parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    await expect(parties.create({ guildId: 'g1', name: 'dub', channelId: 'c3', hostRoleId: null, seriesId: 'hero-mask' })).rejects.toThrow(
      PartyNameTakenError,
    );
    await expect(parties.create({ guildId: 'g1', name: 'Sub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' })).rejects.toThrow(
      ChannelHasPartyError,
    );
  });

  it('never removes the default party', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const fallback = await parties.findOrCreateDefault('g1');
    expect(await parties.remove(fallback.id)).toBe(false);
    const dub = await parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    expect(await parties.remove(dub.id)).toBe(true);
    expect(await parties.byName('g1', 'Dub')).toBeNull();
  });
});

describe('progress repository', () => {
  it('keeps history so undo restores the previous value', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const party = await parties.findOrCreateDefault('g1');
    expect((await progress.current(party.id)).episode).toBe(0);
    await progress.set(party.id, 3, 'alice');
    clock = new Date('2026-01-02T20:00:00Z');
    expect(await progress.set(party.id, 4, 'bob')).toEqual({ episode: 4, changedBy: 'bob', changedAt: clock });
    expect(await (await progress.undo(party.id))?.episode).toBe(3);
    expect(await (await progress.undo(party.id))?.episode).toBe(0);
    expect(await progress.undo(party.id)).toBeNull();
  });

  it('keeps each party separate and keeps personal progress per member', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const sub = await parties.findOrCreateDefault('g1');
    const dub = await parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    await progress.set(sub.id, 7, 'alice');
    await progress.set(dub.id, 2, 'alice');
    expect((await progress.current(sub.id)).episode).toBe(7);
    expect((await progress.current(dub.id)).episode).toBe(2);
    expect(await progress.personal('g1', 'carol', 'hero-mask')).toBeUndefined();
    await progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    await progress.setPersonal('g1', 'carol', 'hero-mask', 6);
    expect(await progress.personal('g1', 'carol', 'hero-mask')).toBe(6);
    expect(await progress.clearPersonal('g1', 'carol', 'hero-mask')).toBe(true);
  });

  it('keeps progress per series: switching to another series and back restores where the party was', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const party = await parties.findOrCreateDefault('g1');
    await progress.set(party.id, 7, 'alice');
    expect((await parties.switchSeries(party.id, 'lantern-street')).seriesId).toBe('lantern-street');
    expect((await progress.current(party.id)).episode).toBe(0);
    await progress.set(party.id, 2, 'alice');
    expect(await (await progress.undo(party.id))?.episode).toBe(0);
    await progress.set(party.id, 3, 'alice');
    await parties.switchSeries(party.id, 'hero-mask');
    expect((await progress.current(party.id)).episode).toBe(7);
    await parties.switchSeries(party.id, 'lantern-street');
    expect((await progress.current(party.id)).episode).toBe(3);
  });

  it('keeps a member’s own progress per series', async () => {
    const progress = createProgressRepository(database, now);
    await progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    await progress.setPersonal('g1', 'carol', 'lantern-street', 1);
    expect(await progress.personal('g1', 'carol', 'hero-mask')).toBe(5);
    expect(await progress.personal('g1', 'carol', 'lantern-street')).toBe(1);
    expect(await progress.clearPersonal('g1', 'carol', 'lantern-street')).toBe(true);
    expect(await progress.personal('g1', 'carol', 'hero-mask')).toBe(5);
  });

  it('lists personal progress in one series, the most recently set first', async () => {
    const progress = createProgressRepository(database, now);
    await progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    clock = new Date(clock.getTime() + 1_000);
    await progress.setPersonal('g1', 'dave', 'hero-mask', 2);
    await progress.setPersonal('g1', 'dave', 'clockwork-orchard', 7);
    await progress.setPersonal('g2', 'erin', 'hero-mask', 9);
    expect(await progress.roster('g1', 'hero-mask')).toEqual([
      { userId: 'dave', episode: 2 },
      { userId: 'carol', episode: 5 },
    ]);
  });

  it('drops the history of a removed party', async () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const dub = await parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    await progress.set(dub.id, 2, 'alice');
    await parties.remove(dub.id);
    expect(Number(await database.value('SELECT COUNT(*) FROM progress_changes'))).toBe(0);
  });
});
});

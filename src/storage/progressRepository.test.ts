import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { createPartyRepository } from './partyRepository.js';
import { ChannelHasPartyError, PartyNameTakenError } from '../domain/party.js';
import { createProgressRepository } from './progressRepository.js';

let folder: string;
let database: Database;
let clock: Date;
const now = () => clock;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-progress-'));
  database = openDatabase({ path: join(folder, 'state.sqlite') });
  clock = new Date('2026-01-01T20:00:00Z');
});
afterEach(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('party repository', () => {
  it('gives every server a default party, and channels their own party', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const fallback = parties.forChannelOrDefault('g1', 'c1');
    expect(fallback).toMatchObject({ guildId: 'g1', name: 'default', channelId: null });
    const dub = parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: 'r1', seriesId: 'hero-mask' });
    expect(parties.forChannelOrDefault('g1', 'c2').id).toBe(dub.id);
    expect(parties.forChannelOrDefault('g1', 'c1').id).toBe(fallback.id);
    expect(parties.list('g1').map((party) => party.name)).toEqual(['default', 'Dub']);
  });

  it('refuses a taken name or a channel that already has a party', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    expect(() => parties.create({ guildId: 'g1', name: 'dub', channelId: 'c3', hostRoleId: null, seriesId: 'hero-mask' })).toThrow(
      PartyNameTakenError,
    );
    expect(() => parties.create({ guildId: 'g1', name: 'Sub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' })).toThrow(
      ChannelHasPartyError,
    );
  });

  it('never removes the default party', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const fallback = parties.findOrCreateDefault('g1');
    expect(parties.remove(fallback.id)).toBe(false);
    const dub = parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    expect(parties.remove(dub.id)).toBe(true);
    expect(parties.byName('g1', 'Dub')).toBeNull();
  });
});

describe('progress repository', () => {
  it('keeps history so undo restores the previous value', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const party = parties.findOrCreateDefault('g1');
    expect(progress.current(party.id).episode).toBe(0);
    progress.set(party.id, 3, 'alice');
    clock = new Date('2026-01-02T20:00:00Z');
    expect(progress.set(party.id, 4, 'bob')).toEqual({ episode: 4, changedBy: 'bob', changedAt: clock });
    expect(progress.undo(party.id)?.episode).toBe(3);
    expect(progress.undo(party.id)?.episode).toBe(0);
    expect(progress.undo(party.id)).toBeNull();
  });

  it('keeps each party separate and keeps personal progress per member', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const sub = parties.findOrCreateDefault('g1');
    const dub = parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    progress.set(sub.id, 7, 'alice');
    progress.set(dub.id, 2, 'alice');
    expect(progress.current(sub.id).episode).toBe(7);
    expect(progress.current(dub.id).episode).toBe(2);
    expect(progress.personal('g1', 'carol', 'hero-mask')).toBeUndefined();
    progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    progress.setPersonal('g1', 'carol', 'hero-mask', 6);
    expect(progress.personal('g1', 'carol', 'hero-mask')).toBe(6);
    expect(progress.clearPersonal('g1', 'carol', 'hero-mask')).toBe(true);
  });

  it('keeps progress per series: switching to another series and back restores where the party was', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const party = parties.findOrCreateDefault('g1');
    progress.set(party.id, 7, 'alice');
    expect(parties.switchSeries(party.id, 'lantern-street').seriesId).toBe('lantern-street');
    expect(progress.current(party.id).episode).toBe(0);
    progress.set(party.id, 2, 'alice');
    expect(progress.undo(party.id)?.episode).toBe(0);
    progress.set(party.id, 3, 'alice');
    parties.switchSeries(party.id, 'hero-mask');
    expect(progress.current(party.id).episode).toBe(7);
    parties.switchSeries(party.id, 'lantern-street');
    expect(progress.current(party.id).episode).toBe(3);
  });

  it('keeps a member’s own progress per series', () => {
    const progress = createProgressRepository(database, now);
    progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    progress.setPersonal('g1', 'carol', 'lantern-street', 1);
    expect(progress.personal('g1', 'carol', 'hero-mask')).toBe(5);
    expect(progress.personal('g1', 'carol', 'lantern-street')).toBe(1);
    expect(progress.clearPersonal('g1', 'carol', 'lantern-street')).toBe(true);
    expect(progress.personal('g1', 'carol', 'hero-mask')).toBe(5);
  });

  it('lists personal progress in one series, the most recently set first', () => {
    const progress = createProgressRepository(database, now);
    progress.setPersonal('g1', 'carol', 'hero-mask', 5);
    clock = new Date(clock.getTime() + 1_000);
    progress.setPersonal('g1', 'dave', 'hero-mask', 2);
    progress.setPersonal('g1', 'dave', 'clockwork-orchard', 7);
    progress.setPersonal('g2', 'erin', 'hero-mask', 9);
    expect(progress.roster('g1', 'hero-mask')).toEqual([
      { userId: 'dave', episode: 2 },
      { userId: 'carol', episode: 5 },
    ]);
  });

  it('drops the history of a removed party', () => {
    const parties = createPartyRepository(database, now, () => 'hero-mask');
    const progress = createProgressRepository(database, now);
    const dub = parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    progress.set(dub.id, 2, 'alice');
    parties.remove(dub.id);
    expect(database.prepare('SELECT COUNT(*) FROM progress_changes').pluck().get()).toBe(0);
  });
});

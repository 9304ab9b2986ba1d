import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import { gateRememberedMilliseconds } from './replyGateRepository.js';
import { createStateRepositories } from './stateRepositories.js';
import type { StateRepositories } from './stateRepositories.js';

type State = StateRepositories;

/** What the gate must equal: the three reads it stands for. */
async function threeReads(state: State, guildId: string, channelId: string | null, userId: string) {
  const party = await state.parties.forChannelOrDefault(guildId, channelId);
  return {
    party,
    partyEpisode: (await state.progress.current(party.id)).episode,
    personalEpisode: await state.progress.personal(guildId, userId, party.seriesId),
  };
}

const steps: Array<[string, (state: State) => Promise<unknown>]> = [
  ['a server asking for the first time', async () => undefined],
  ['the default party at episode 5', async (state) => state.progress.set((await state.parties.findOrCreateDefault('g1')).id, 5, 'host')],
  ['alice behind, at 3', (state) => state.progress.setPersonal('g1', 'alice', 'hero-mask', 3)],
  ['a party of its own in c1', (state) => state.parties.create({ guildId: 'g1', name: 'club', channelId: 'c1', hostRoleId: null, seriesId: 'hero-mask' })],
  ['that party at episode 8, then 9 undone', async (state) => {
    const club = (await state.parties.byName('g1', 'club'))!;
    await state.progress.set(club.id, 8, 'host');
    await state.progress.set(club.id, 9, 'host');
    await state.progress.undo(club.id);
  }],
  ['that party switched to another series', async (state) => state.parties.switchSeries((await state.parties.byName('g1', 'club'))!.id, 'clockwork-orchard')],
  ['alice ahead in that series, at 2', (state) => state.progress.setPersonal('g1', 'alice', 'clockwork-orchard', 2)],
];

describeEachEngine('the reply gate', (engine) => {
  it('reads what the party, its progress and the asker’s own progress say, in every channel, after every change', async () => {
    const now = new Date('2026-03-01T20:00:00Z');
    const state = createStateRepositories(await engine.open(), () => now, () => 'hero-mask');
    for (const [step, change] of steps) {
      await change(state);
      for (const channelId of ['c1', 'c2', null]) {
        for (const userId of ['alice', 'bob']) {
          const gate = await state.replyGates.forChannel('g1', channelId, userId);
          expect(gate, `${step}, in ${channelId ?? 'no channel'}, for ${userId}`).toEqual(await threeReads(state, 'g1', channelId, userId));
        }
      }
    }
    expect(await state.replyGates.forChannel('g1', 'c1', 'alice')).toMatchObject({ partyEpisode: 0, personalEpisode: 2 });
  });

  it('answers again from what it read while nothing is written, and sees every write made through the repositories at once', async () => {
    let now = new Date('2026-03-01T20:00:00Z');
    const state = createStateRepositories(await engine.open(), () => now, () => 'hero-mask');
    const party = await state.parties.findOrCreateDefault('g1');
    await state.progress.set(party.id, 9, 'host');
    expect(await state.replyGates.forChannel('g1', 'c1', 'alice')).toMatchObject({ partyEpisode: 9 });
    // The clock stands still: only the count of writes can tell the gate that the progress went down.
    await state.progress.undo(party.id);
    expect(await state.replyGates.forChannel('g1', 'c1', 'alice')).toMatchObject({ partyEpisode: 0 });
    await state.progress.setPersonal('g1', 'alice', 'hero-mask', 2);
    expect(await state.replyGates.forChannel('g1', 'c1', 'alice')).toMatchObject({ personalEpisode: 2 });
    await state.parties.create({ guildId: 'g1', name: 'club', channelId: 'c1', hostRoleId: null, seriesId: 'hero-mask' });
    expect((await state.replyGates.forChannel('g1', 'c1', 'alice')).party.name).toBe('club');
    now = new Date(now.getTime() + 1);
    expect((await state.replyGates.forChannel('g1', 'c1', 'alice')).party.name).toBe('club');
  });

  it('sees a write made around the repositories (another process) once what it read is older than its time', async () => {
    let now = new Date('2026-03-01T20:00:00Z');
    const database = await engine.open();
    const state = createStateRepositories(database, () => now, () => 'hero-mask');
    const party = await state.parties.findOrCreateDefault('g1');
    await state.progress.set(party.id, 4, 'host');
    expect(await state.replyGates.forChannel('g1', null, 'alice')).toMatchObject({ partyEpisode: 4 });
    await database.run('UPDATE progress_changes SET undone_at = ? WHERE party_id = ?', [now.getTime(), party.id]);
    now = new Date(now.getTime() + gateRememberedMilliseconds - 1);
    expect(await state.replyGates.forChannel('g1', null, 'alice'), 'still remembered').toMatchObject({ partyEpisode: 4 });
    expect(await state.replyGates.forChannel('g1', null, 'bob'), 'read afresh for another member').toMatchObject({ partyEpisode: 0 });
    now = new Date(now.getTime() + 1);
    expect(await state.replyGates.forChannel('g1', null, 'alice')).toMatchObject({ partyEpisode: 0 });
  });

  it('does not remember a read that a write overtook', async () => {
    const now = new Date('2026-03-01T20:00:00Z');
    const state = createStateRepositories(await engine.open(), () => now, () => 'hero-mask');
    const party = await state.parties.findOrCreateDefault('g1');
    await state.progress.set(party.id, 7, 'host');
    const [racing] = await Promise.all([state.replyGates.forChannel('g1', null, 'alice'), state.progress.undo(party.id)]);
    expect([0, 7]).toContain(racing.partyEpisode);
    expect(await state.replyGates.forChannel('g1', null, 'alice')).toMatchObject({ partyEpisode: 0 });
  });
});

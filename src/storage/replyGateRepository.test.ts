import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
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
});

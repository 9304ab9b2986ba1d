import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { AutocompleteInvocation, Choice, Invocation } from '../src/discord/invocation.js';
import { seriesName } from '../src/discord/seriesName.js';
import { watchedSeries } from '../src/discord/watchedSeries.js';
import type { InstalledSeries } from '../src/discord/replyProgress.js';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { Reply } from '../src/discord/reply.js';
import { ephemeralText } from '../src/discord/reply.js';
import { longEpisodeLabel, shortEpisodeLabel } from '../src/domain/episodeLabels.js';
import type { Party } from '../src/domain/party.js';
import type { ProgressState } from '../src/domain/progress.js';
import { moveProgress } from '../src/threads/index.js';
import { noticesAfter } from '../src/watchparty/index.js';
import { rosterView } from './progressRoster.js';

const definition = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('How far this watch party has got')
  .addSubcommand((subcommand) => subcommand.setName('show').setDescription('The last episode this party finished'))
  .addSubcommand((subcommand) =>
    subcommand
      .setName('set')
      .setDescription('Hosts: set the last episode this party finished')
      .addIntegerOption((option) =>
        option.setName('episode').setDescription('Last finished episode (0 = not started)').setMinValue(0).setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('next').setDescription('Hosts: mark the next episode as finished'))
  .addSubcommand((subcommand) => subcommand.setName('undo').setDescription('Hosts: undo the last progress change'))
  .addSubcommand((subcommand) =>
    subcommand
      .setName('mine')
      .setDescription('Your own progress, if you are behind or ahead of the party')
      .addIntegerOption((option) =>
        option.setName('episode').setDescription('Your last finished episode; leave out to follow the party again').setMinValue(0).setAutocomplete(true),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('roster').setDescription('Who is where: the party and every member’s own progress'))
  .toJSON();

const noOptions = z.object({});
const episodeOption = z.object({ episode: optionSchemas.episode });
const personalEpisodeOption = z.object({ episode: optionSchemas.episode.optional() });

/** The channel's party and the series it watches (a refusal when that series' pack is not loaded). */
async function partyHere(context: BotContext, invocation: Invocation): Promise<{ party: Party; series: InstalledSeries }> {
  const party = await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
  return { party, series: watchedSeries(context, party) };
}

async function describeProgress(context: BotContext, party: Party, state: ProgressState): Promise<string> {
  const { knowledge } = watchedSeries(context, party);
  const seasons = knowledge.seasons();
  const total = knowledge.episodeCount();
  const partyName = party.channelId ? `**${party.name}**` : 'The server’s watch party';
  const where =
    state.episode === 0
      ? `${partyName} has not finished an episode${seriesName(context, party.seriesId)} yet.`
      : `${partyName} has finished **episode ${state.episode}** of ${total}${seriesName(context, party.seriesId)} (${shortEpisodeLabel(state.episode, seasons)}).`;
  const who = state.changedBy && state.changedAt ? ` Last changed by <@${state.changedBy}> <t:${Math.floor(state.changedAt.getTime() / 1000)}:R>.` : '';
  // Only a thread for an episode the party has finished now: one it moved back from may name a later title.
  const thread = await context.discussionThreads.latestOpened(party.id, party.seriesId, state.episode);
  const discussion = thread ? ` Discussion: <#${thread.threadId}>.` : '';
  return where + who + discussion;
}

export function outOfRange(knowledge: KnowledgeRepository, episode: number): Reply | undefined {
  const total = knowledge.episodeCount();
  return episode > total ? ephemeralText(`There are only ${total} episodes. Pick an episode from 0 to ${total}.`) : undefined;
}

/** Records the party's new progress and says so, publicly, with the discussion threads a move forward opens. */
async function saveProgress(invocation: Invocation, context: BotContext, party: Party, episode: number): Promise<Reply> {
  const series = watchedSeries(context, party);
  const moved = await moveProgress(context, { party, series, channelId: invocation.channelId, episode, actorId: invocation.actor.userId });
  const note = moved.threadsNote ? `\n${moved.threadsNote}` : '';
  return { content: `Progress saved. ${await describeProgress(context, party, moved.state)}${note}` };
}

const subcommands = {
  show: subcommand({
    access: 'everyone',
    options: noOptions,
    async run(invocation, context) {
      const party = await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
      return { content: await describeProgress(context, party, await context.progress.current(party.id)) };
    },
  }),
  set: subcommand({
    access: 'host',
    options: episodeOption,
    async run(invocation, context) {
      const { episode } = invocation.options;
      const { party, series } = await partyHere(context, invocation);
      const refusal = outOfRange(series.knowledge, episode);
      if (refusal) return refusal;
      return saveProgress(invocation, context, party, episode);
    },
  }),
  next: subcommand({
    access: 'host',
    options: noOptions,
    async run(invocation, context) {
      const { party, series } = await partyHere(context, invocation);
      const current = (await context.progress.current(party.id)).episode;
      if (current >= series.knowledge.episodeCount()) {
        return ephemeralText('This party has finished the whole series. Use `/progress set` to start a rewatch.');
      }
      return saveProgress(invocation, context, party, current + 1);
    },
  }),
  undo: subcommand({
    access: 'host',
    options: noOptions,
    async run(invocation, context) {
      const party = await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
      const state = await context.progress.undo(party.id);
      if (!state) return ephemeralText('There is no progress change to undo yet.');
      return { content: `Undone. ${await describeProgress(context, party, state)}` };
    },
  }),
  mine: subcommand({
    access: 'everyone',
    options: personalEpisodeOption,
    ephemeral: true,
    async run(invocation, context) {
      const { episode } = invocation.options;
      const { party, series } = await partyHere(context, invocation);
      if (episode === undefined) {
        await context.progress.clearPersonal(invocation.guildId, invocation.actor.userId, series.id);
        return ephemeralText(`You now follow your watch party’s progress${seriesName(context, party.seriesId)} again.`);
      }
      const refusal = outOfRange(series.knowledge, episode);
      if (refusal) return refusal;
      await context.progress.setPersonal(invocation.guildId, invocation.actor.userId, series.id, episode);
      const seasons = series.knowledge.seasons();
      const label = episode === 0 ? 'not started' : `episode ${episode} (${shortEpisodeLabel(episode, seasons)})`;
      const partyEpisode = (await context.progress.current(party.id)).episode;
      // Public answers are gated at the lower of the party's progress and the asker's own.
      const publicAnswers =
        episode < partyEpisode
          ? 'Public answers you ask for stay at or below this'
          : `Public answers here follow your party, which has finished ${partyEpisode === 0 ? 'no episode yet' : shortEpisodeLabel(partyEpisode, seasons)}`;
      return ephemeralText(`Saved: you have finished ${label}${seriesName(context, party.seriesId)}. ${publicAnswers}; answers only you see use yours.`);
    },
  }),
  roster: subcommand({
    access: 'everyone',
    options: noOptions,
    run: (invocation, context) => rosterView.answer({}, invocation, context),
  }),
};

async function episodeChoices(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> {
  const { knowledge } = (await partyHere(context, invocation)).series;
  const typed = invocation.focusedValue;
  const seasons = knowledge.seasons();
  const episodes = Array.from({ length: knowledge.episodeCount() + 1 }, (_, episode) => episode);
  const needle = typed.trim().toLowerCase();
  return episodes
    .map((episode) => ({ name: longEpisodeLabel(episode, seasons), value: episode }))
    .filter((choice) => needle === '' || choice.name.toLowerCase().includes(needle) || String(choice.value).startsWith(needle))
    .slice(0, 25);
}

export const progressCommand = declareCommand({
  definition,
  subcommands,
  // A host moving progress learns why threads did not open (a missing permission), once; /progress show stays as it was.
  afterRun: noticesAfter(['set', 'next', 'undo'], 'none'),
  autocomplete: episodeChoices,
});

import { registerComponent } from '../../src/discord/command.js';
import type { ComponentHandler } from '../../src/discord/command.js';
import { ephemeralText } from '../../src/discord/reply.js';
import {
  describeEpisodes,
  finishedButtonArguments,
  finishedComponentName,
  finishedRecordedMessage,
  partyOfSchedule,
  seriesOfSchedule,
} from '../../src/watchparty/index.js';
import { moveProgress } from '../../src/threads/index.js';

const handler: ComponentHandler<{ scheduleId: number; occurrenceIndex: number; lastEpisode: number; seriesId: string | undefined }> = {
  name: finishedComponentName,
  access: 'host',
  hostParty: 'the schedule’s party',
  description: '“Yes, we finished episode N” after a session',
  parse: finishedButtonArguments,
  // The progress it sets is the schedule's party's, so that party's hosts decide, wherever the prompt was posted.
  targetParty: (invocation, { scheduleId }, context) => partyOfSchedule(context, invocation.guildId, scheduleId),
  async execute(invocation, { scheduleId, occurrenceIndex, lastEpisode, seriesId }, context) {
    const schedule = await context.schedules.byId(invocation.guildId, scheduleId);
    const party = schedule ? await context.parties.byId(schedule.partyId) : null;
    const series = schedule ? await seriesOfSchedule(context, schedule) : undefined;
    if (!schedule || !party || !series || lastEpisode > series.knowledge.episodeCount()) {
      return { kind: 'reply', reply: ephemeralText('This watch party no longer exists. Record progress with `/progress set` instead.') };
    }
    // Checked on every click: episodes of the series the party watched then are not episodes of the one it watches now.
    if (seriesId !== undefined && seriesId !== series.id) {
      return { kind: 'reply', reply: ephemeralText('This party has switched series since that session. Record progress with `/progress set` instead.') };
    }
    const session = { scheduleId, occurrenceIndex };
    const finished = { lastEpisode, seriesId: series.id };
    const current = (await context.progress.current(schedule.partyId)).episode;
    if (current >= lastEpisode) {
      const already = `✅ Already recorded: the party has finished episode ${current}. Nothing changed.`;
      return { kind: 'update', reply: finishedRecordedMessage(session, finished, already) };
    }
    const range = { first: current + 1, last: lastEpisode };
    const moved = await moveProgress(context, { party, series, channelId: invocation.channelId, episode: lastEpisode, actorId: invocation.actor.userId });
    const recorded =
      `✅ <@${invocation.actor.userId}> recorded that the party finished ${describeEpisodes(range, series.knowledge, lastEpisode)}. ` +
      `Pressed by mistake? \`/progress undo\` puts it back.${moved.threadsNote ? `\n${moved.threadsNote}` : ''}`;
    return { kind: 'update', reply: finishedRecordedMessage(session, finished, recorded) };
  },
};

/**
 * "Yes, we finished episode N" under the after-session prompt: a host records the party's progress
 * (undo with /progress undo). The router re-checks that the clicker is a host of the schedule's party.
 */
export const finishedEpisodeComponent = registerComponent(handler);

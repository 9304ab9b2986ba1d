import { bullet } from '../src/discord/render/cardPage.js';
import { defineLookupView } from '../src/discord/render/lookupView.js';
import { describeStanding } from '../src/domain/threads/roster.js';

/** Members per page: a roster is scanned, not read. */
const membersPerPage = 15;

/**
 * `/progress roster`: the channel's party and every member's own progress in the series it watches, the most recently
 * set first, each as "<@member>: episode 3, 2 behind". Episode numbers only, so it is safe for anyone; the mentions
 * do not ping (nothing the bot sends pings a member). Paged, and read afresh on every page turn.
 */
export const rosterView = defineLookupView<Record<string, never>>({
  name: 'roster',
  audience: () => 'everyone',
  toParts: () => [],
  fromParts: (parts) => (parts.length === 0 ? {} : undefined),
  async card(_input, gate, context) {
    const partyEpisode = (await context.progress.current(gate.party.id)).episode;
    const partyName = gate.party.channelId ? gate.party.name : 'The server’s watch party';
    const partyLine = `**${partyName}**: ${partyEpisode === 0 ? 'not started' : `episode ${partyEpisode}`}`;
    const members = (await context.progress
      .roster(gate.party.guildId, gate.party.seriesId))
      .map((member) => bullet(`<@${member.userId}>: ${describeStanding(member.episode, partyEpisode)}`));
    return {
      title: 'Who is where',
      emptyText: partyLine,
      layout: { maximumLines: membersPerPage + 1 },
      sections: [
        { lines: [partyLine] },
        {
          heading: 'Members’ own progress (newest first)',
          lines: members.length > 0 ? members : ['Nobody has set their own progress yet: `/progress mine episode:`.'],
        },
      ],
    };
  },
});

import type { Reply } from '../discord/reply.js';
import { discordLimits } from '../discord/render/discordLimits.js';
import type { Fact } from '../domain/knowledge.js';

export const threadsUnavailableNotice =
  'I can’t open episode discussion threads: I need the **Create Public Threads** and **Send Messages in Threads** ' +
  'permissions in the party’s channel. Progress is saved as usual; grant them and the next finished episode gets its ' +
  'thread (or turn threads off with `/settings threads:off`).';

/** The channel message the thread hangs from: the thread's name and nothing else about the episode. */
export function starterMessage(name: string, episode: number): Reply {
  return { content: `🧵 **${name}**: the party has finished episode ${episode}. Talk about it in this message’s thread.` };
}

/** Two bars would end the spoiler tag early and show the rest of the note. */
function spoilerTagged(text: string): string {
  return `||${text.replaceAll('|', '∣')}||`;
}

/**
 * The thread's first message: the house rule, then the episode's notes visible at that episode, each behind a
 * spoiler tag, as many whole notes as fit in Discord's 2,000 characters.
 */
export function firstThreadMessage(episode: number, notes: readonly Fact[]): Reply {
  const rule =
    `📌 Talk about episode ${episode} and earlier here; later episodes get their own thread when the party gets there.`;
  if (notes.length === 0) return { content: `${rule}\n\nI have no notes on this episode.` };
  const heading = `\n\n**Notes on episode ${episode}** (tap to reveal):`;
  const more = (left: number) => `\n…and ${left} more: \`/episode number:${episode}\``;
  let content = rule + heading;
  for (const [index, note] of notes.entries()) {
    const line = `\n• ${spoilerTagged(note.text)}`;
    const left = notes.length - index - 1;
    const room = discordLimits.messageContent - (left > 0 ? more(left).length : 0);
    if ((content + line).length > room) return { content: content + more(notes.length - index) };
    content += line;
  }
  return { content };
}

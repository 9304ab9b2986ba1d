import { describe, expect, it } from 'vitest';
import type { Fact } from '../domain/knowledge.js';
import { firstThreadMessage, starterMessage } from './threadMessages.js';

const note = (id: number, text: string): Fact => ({ id, category: 'plot', text, episode: 5, revealedIn: 5, source: 'test' });

describe('a discussion thread’s messages', () => {
  it('start with the house rule, then each note behind its own spoiler tag', () => {
    const content = firstThreadMessage(5, [note(1, 'James meets Sarah.'), note(2, 'Kazuki | Eddie || the bars')]).content ?? '';
    expect(content.split('\n')[0]).toBe('📌 Talk about episode 5 and earlier here; later episodes get their own thread when the party gets there.');
    expect(content).toContain('\n• ||James meets Sarah.||');
    // A bar inside a note cannot end the tag early.
    expect(content).toContain('\n• ||Kazuki ∣ Eddie ∣∣ the bars||');
  });

  it('say so when there are no notes', () => {
    expect(firstThreadMessage(14, []).content).toMatch(/I have no notes on this episode\.$/);
  });

  it('keep whole notes within Discord’s 2,000 characters and point to /episode for the rest', () => {
    const notes = Array.from({ length: 30 }, (_, index) => note(index, `${index} ${'word '.repeat(20)}`.trim()));
    const content = firstThreadMessage(7, notes).content ?? '';
    expect(content.length).toBeLessThanOrEqual(2000);
    const shown = content.match(/• \|\|/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(10);
    expect(content.endsWith(`…and ${30 - shown} more: \`/episode number:7\``)).toBe(true);
  });

  it('name the thread in the channel message it hangs from, and nothing else about the episode', () => {
    expect(starterMessage('S1E5 · episode 5 discussion', 5).content).toBe(
      '🧵 **S1E5 · episode 5 discussion**: the party has finished episode 5. Talk about it in this message’s thread.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { finishedPromptMessage, reminderMessage, rsvpButtons } from './reminderMessages.js';
import { finishedButtonArguments, reminderSignature } from './reminderButtons.js';

const counts = { going: 2, maybe: 0, cant: 1 };
const customIdsOf = (row: ReturnType<typeof rsvpButtons>) => row.components.map((component) => ('custom_id' in component ? component.custom_id : ''));

describe('reminder messages', () => {
  it('show the RSVP counts on buttons whose ids name the reminder', () => {
    const row = rsvpButtons({ scheduleId: 7, occurrenceIndex: 2, leadMinutes: 60 }, counts);
    expect(row.components.map((component) => ('label' in component ? component.label : ''))).toEqual(['Going · 2', 'Maybe · 0', 'Can’t · 1']);
    expect(customIdsOf(row)).toEqual(['rsvp:7:2:60:going', 'rsvp:7:2:60:maybe', 'rsvp:7:2:60:cant']);
  });

  it.each([
    { key: { scheduleId: 7, occurrenceIndex: 2, leadMinutes: 60 }, other: { scheduleId: 7, occurrenceIndex: 2, leadMinutes: 600 } },
    { key: { scheduleId: 7, occurrenceIndex: 2, leadMinutes: 0 }, other: { scheduleId: 7, occurrenceIndex: 20, leadMinutes: 0 } },
    { key: { scheduleId: 1, occurrenceIndex: 0, leadMinutes: 60 }, other: { scheduleId: 10, occurrenceIndex: 0, leadMinutes: 60 } },
  ])('tell $key apart from $other by signature', ({ key, other }) => {
    const [firstId] = customIdsOf(rsvpButtons(other, counts));
    expect(firstId?.startsWith(reminderSignature(key))).toBe(false);
    expect(customIdsOf(rsvpButtons(key, counts))[0]?.startsWith(reminderSignature(key))).toBe(true);
  });

  it('ping only the chosen role and mark a late reminder', () => {
    const start = new Date('2027-01-04T20:00:00Z');
    const reply = reminderMessage(
      { scheduleId: 1, occurrenceIndex: 0, leadMinutes: 60 },
      { title: 'Watch', pingRoleId: '123456789012345678', occurrenceStart: start, episodes: 'episode 1 (S1E1)', late: true },
      counts,
    );
    expect(reply.pingRoleIds).toEqual(['123456789012345678']);
    expect(reply.content).toMatch(/^⏰ \*Late reminder/);
    expect(reply.content).toContain('<@&123456789012345678> 📺 **Watch** starts <t:1799092800:R>');
    expect(reminderMessage({ scheduleId: 1, occurrenceIndex: 0, leadMinutes: 0 }, { title: 'Watch', pingRoleId: null, occurrenceStart: start, episodes: null, late: false }, counts))
      .toMatchObject({ pingRoleIds: [], content: '📺 **Watch** is starting now (<t:1799092800:t>). Coming?' });
  });

  it('ask after the session with a button the finished prompt is recognised by', () => {
    const key = { scheduleId: 3, occurrenceIndex: 1, leadMinutes: -48 };
    const reply = finishedPromptMessage(key, { episodes: 'episodes 3–4 (S1E3 to S1E4)', lastEpisode: 4, seriesId: 'hero-mask', late: false });
    expect(reply.content).toContain('Did you finish episodes 3–4');
    expect(reply.pingRoleIds).toBeUndefined();
    expect(JSON.stringify(reply.components)).toContain(`"custom_id":"${reminderSignature(key)}4:hero-mask"`);
  });

  it('carry the series in the finished button, and still read the buttons posted before there were several', () => {
    expect(finishedButtonArguments.parse(['3', '1', '4', 'hero-mask'])).toEqual({ scheduleId: 3, occurrenceIndex: 1, lastEpisode: 4, seriesId: 'hero-mask' });
    expect(finishedButtonArguments.parse(['3', '1', '4'])).toEqual({ scheduleId: 3, occurrenceIndex: 1, lastEpisode: 4, seriesId: undefined });
    expect(finishedButtonArguments.safeParse(['3', '1', '4', 'Hero Mask']).success).toBe(false);
  });
});

import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import type { Reply } from '../discord/reply.js';
import { discordTimestamp } from '../domain/watchparty/discordTimestamp.js';
import type { ReminderKey } from '../domain/watchparty/storedSchedule.js';
import type { RsvpAnswer, RsvpCounts } from '../domain/watchparty/rsvp.js';
import { finishedButtonId, rsvpButtonId } from './reminderButtons.js';

type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;
/** One session of one schedule. */
export type SessionKey = Pick<ReminderKey, 'scheduleId' | 'occurrenceIndex'>;

const rsvpButtonLooks: Record<RsvpAnswer, { label: string; style: ButtonStyle.Success | ButtonStyle.Secondary | ButtonStyle.Danger }> = {
  going: { label: 'Going', style: ButtonStyle.Success },
  maybe: { label: 'Maybe', style: ButtonStyle.Secondary },
  cant: { label: 'Can’t', style: ButtonStyle.Danger },
};

export interface ReminderText {
  title: string;
  pingRoleId: string | null;
  occurrenceStart: Date;
  /** `episodes 3–4 (S1E3 to S1E4)`, already through the spoiler gate; null when the series is finished. */
  episodes: string | null;
  /** Sent after its time because the bot was offline. */
  late: boolean;
  /** For the "starting now" reminder: who is behind the session's first episode (src/threads/whoIsBehind.ts). */
  behind?: string | null;
}

/**
 * The buttons of one reminder message. The lead is part of every custom id so each reminder message
 * is recognisable in the channel history (see findPostedReminder) even where Discord keeps no nonce.
 */
export function rsvpButtons(key: ReminderKey, counts: RsvpCounts): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: (Object.keys(rsvpButtonLooks) as RsvpAnswer[]).map((answer) => ({
      type: ComponentType.Button,
      style: rsvpButtonLooks[answer].style,
      label: `${rsvpButtonLooks[answer].label} · ${counts[answer]}`,
      custom_id: rsvpButtonId(key, answer),
    })),
  };
}

function lateNote(late: boolean): string {
  return late ? '⏰ *Late reminder: I was offline when it was due.*\n' : '';
}

function whatIsOn(text: ReminderText): string {
  return text.episodes ? `: ${text.episodes}` : '';
}

/** A reminder before (or at) a session, pinging the chosen role, with RSVP buttons. */
export function reminderMessage(key: ReminderKey, text: ReminderText, counts: RsvpCounts): Reply {
  const ping = text.pingRoleId ? `<@&${text.pingRoleId}> ` : '';
  const when =
    key.leadMinutes === 0
      ? `is starting now (${discordTimestamp(text.occurrenceStart, 't')})`
      : `starts ${discordTimestamp(text.occurrenceStart, 'R')}, ${discordTimestamp(text.occurrenceStart, 'F')}`;
  return {
    content: `${lateNote(text.late)}${ping}📺 **${text.title}** ${when}${whatIsOn(text)}. Coming?${text.behind ? `\n${text.behind}` : ''}`,
    components: [rsvpButtons(key, counts)],
    pingRoleIds: text.pingRoleId ? [text.pingRoleId] : [],
  };
}

export interface FinishedPromptText {
  /** `episodes 3–4 (S1E3 to S1E4)`. */
  episodes: string;
  lastEpisode: number;
  /** The series the episodes are of: the button records progress only while the party still watches it. */
  seriesId: string;
  late: boolean;
}

/** What a "finished?" button records: the last episode of the session, in its series. */
export type FinishedEpisode = Pick<FinishedPromptText, 'lastEpisode' | 'seriesId'>;

function finishedButton(session: SessionKey, finished: FinishedEpisode, label: string, disabled: boolean): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label,
        disabled,
        custom_id: finishedButtonId(session.scheduleId, session.occurrenceIndex, finished.lastEpisode, finished.seriesId),
      },
    ],
  };
}

/** After a session: asks whether the party finished, with a button hosts press to record it. Pings nobody. */
export function finishedPromptMessage(key: ReminderKey, text: FinishedPromptText): Reply {
  return {
    content: `${lateNote(text.late)}🎬 Did you finish ${text.episodes}? A host can record it with the button.`,
    components: [finishedButton(key, text, `Yes, we finished episode ${text.lastEpisode}`, false)],
  };
}

/** The prompt once answered: the button stays (disabled) so the message is still recognisable. */
export function finishedRecordedMessage(session: SessionKey, finished: FinishedEpisode, outcome: string): Reply {
  return {
    content: outcome,
    components: [finishedButton(session, finished, `Episode ${finished.lastEpisode} recorded`, true)],
  };
}

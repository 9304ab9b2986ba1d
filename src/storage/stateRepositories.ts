import { createBotStateRepository } from './botStateRepository.js';
import { createDiscussionThreadRepository } from './discussionThreadRepository.js';
import { createHostNoticeRepository } from './hostNoticeRepository.js';
import { createPartyRepository } from './partyRepository.js';
import { createProgressRepository } from './progressRepository.js';
import { createQuizRepository } from './quizRepository.js';
import { createQuizStartRepository } from './quizStartRepository.js';
import { createReminderDeliveryRepository } from './reminderDeliveryRepository.js';
import { createReplyGateRepository } from './replyGateRepository.js';
import { createRsvpRepository } from './rsvpRepository.js';
import { createScheduleEventRepository } from './scheduleEventRepository.js';
import { createScheduleRepository } from './scheduleRepository.js';
import { createSettingsRepository } from './settingsRepository.js';
import { countWrites } from './sql/countedWrites.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';
import { createTickWorkRepository } from './tickWorkRepository.js';

/**
 * The storage port: every repository of the bot's state, async, over whichever engine holds it (SQLite or
 * PostgreSQL). The rest of the bot reaches the state only through these. `defaultSeriesId` is the series a server's
 * default party starts with.
 */
export function createStateRepositories(state: SqlDatabase, now: () => Date, defaultSeriesId: () => string) {
  // Every repository writes through it, so the reply gate knows when what it remembers is stale.
  const database = countWrites(state);
  const parties = createPartyRepository(database, now, defaultSeriesId);
  return {
    parties,
    /** The party, its progress and the asker's own for a reply in a channel, in one statement, remembered briefly. */
    replyGates: createReplyGateRepository(database, parties, now),
    progress: createProgressRepository(database, now),
    settings: createSettingsRepository(database, now),
    quizzes: createQuizRepository(database, now),
    /** Running quizzes per server and starter, latest starts, pruning: the trivia flood limits. */
    quizStarts: createQuizStartRepository(database),
    schedules: createScheduleRepository(database, now),
    rsvps: createRsvpRepository(database, now),
    hostNotices: createHostNoticeRepository(database, now),
    /** Which reminders were claimed and sent (the reminder job's exactly-once ledger). */
    reminderDeliveries: createReminderDeliveryRepository(database),
    /** The Discord scheduled event mirroring each schedule. */
    scheduleEvents: createScheduleEventRepository(database, now),
    /** Which episode discussion threads were asked for, claimed and opened (exactly one per party and episode). */
    discussionThreads: createDiscussionThreadRepository(database, now),
    /** Whether the reminder tick has anything to do, asked once per tick. */
    tickWork: createTickWorkRepository(database),
    /** The bot's own facts, such as the hash of the commands it registered. */
    botState: createBotStateRepository(database),
  };
}

export type StateRepositories = ReturnType<typeof createStateRepositories>;

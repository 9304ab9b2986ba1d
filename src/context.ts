import { createMetrics } from './health/metrics.js';
import type { BotMetrics } from './health/metrics.js';
import type { Logger } from './logging/logger.js';
import type { Database } from './storage/database.js';
import type { SeriesCatalog } from './storage/knowledge/seriesCatalog.js';
import { createPartyRepository } from './storage/partyRepository.js';
import type { PartyRepository } from './storage/partyRepository.js';
import { createDiscussionThreadRepository } from './storage/discussionThreadRepository.js';
import type { DiscussionThreadRepository } from './storage/discussionThreadRepository.js';
import { createHostNoticeRepository } from './storage/hostNoticeRepository.js';
import type { HostNoticeRepository } from './storage/hostNoticeRepository.js';
import { createProgressRepository } from './storage/progressRepository.js';
import type { ProgressRepository } from './storage/progressRepository.js';
import { createReminderDeliveryRepository } from './storage/reminderDeliveryRepository.js';
import type { ReminderDeliveryRepository } from './storage/reminderDeliveryRepository.js';
import { createScheduleEventRepository } from './storage/scheduleEventRepository.js';
import type { ScheduleEventRepository } from './storage/scheduleEventRepository.js';
import { createQuizRepository } from './storage/quizRepository.js';
import type { QuizRepository } from './storage/quizRepository.js';
import { createQuizStartRepository } from './storage/quizStartRepository.js';
import type { QuizStartRepository } from './storage/quizStartRepository.js';
import { createRsvpRepository } from './storage/rsvpRepository.js';
import type { RsvpRepository } from './storage/rsvpRepository.js';
import { createScheduleRepository } from './storage/scheduleRepository.js';
import type { ScheduleRepository } from './storage/scheduleRepository.js';
import { createSettingsRepository } from './storage/settingsRepository.js';
import type { SettingsRepository } from './storage/settingsRepository.js';
import { ownsGuild } from './sharding/ownership.js';
import type { ShardOwnership } from './sharding/ownership.js';

/**
 * Everything a handler or job may use, passed in; handlers never reach for globals. It holds repositories,
 * never the raw database or the configuration (with its token), so nothing goes around the repositories.
 */
export interface BotContext {
  logger: Logger;
  now: () => Date;
  /** Every installed series and its knowledge; a party's `seriesId` says which one gates it. */
  series: SeriesCatalog;
  parties: PartyRepository;
  progress: ProgressRepository;
  settings: SettingsRepository;
  quizzes: QuizRepository;
  /** Running quizzes per server and starter, latest starts, pruning: the trivia flood limits. */
  quizStarts: QuizStartRepository;
  schedules: ScheduleRepository;
  rsvps: RsvpRepository;
  hostNotices: HostNoticeRepository;
  /** Which reminders were claimed and sent (the reminder job's exactly-once ledger). */
  reminderDeliveries: ReminderDeliveryRepository;
  /** The Discord scheduled event mirroring each schedule. */
  scheduleEvents: ScheduleEventRepository;
  /** Which episode discussion threads were asked for, claimed and opened (exactly one per party and episode). */
  discussionThreads: DiscussionThreadRepository;
  /** Counters for jobs to bump (reminders sent, late, skipped). */
  metrics: BotMetrics;
  /** Whether this process runs timed work for the server: false for servers another shard owns. */
  ownsGuild(guildId: string): boolean;
}

export interface ContextInput {
  logger: Logger;
  database: Database;
  series: SeriesCatalog;
  now?: () => Date;
  metrics?: BotMetrics;
  /** The shards this process runs; unset when it runs them all. */
  sharding?: ShardOwnership;
}

export function createContext(input: ContextInput): BotContext {
  const now = input.now ?? (() => new Date());
  const { database, sharding } = input;
  return {
    logger: input.logger,
    now,
    series: input.series,
    parties: createPartyRepository(database, now, () => input.series.defaultSeries().id),
    progress: createProgressRepository(database, now),
    settings: createSettingsRepository(database, now),
    quizzes: createQuizRepository(database, now),
    quizStarts: createQuizStartRepository(database),
    schedules: createScheduleRepository(database, now),
    rsvps: createRsvpRepository(database, now),
    hostNotices: createHostNoticeRepository(database, now),
    reminderDeliveries: createReminderDeliveryRepository(database),
    scheduleEvents: createScheduleEventRepository(database, now),
    discussionThreads: createDiscussionThreadRepository(database, now),
    metrics: input.metrics ?? createMetrics(),
    ownsGuild: (guildId) => !sharding || ownsGuild(guildId, sharding.shardIds, sharding.shardCount),
  };
}

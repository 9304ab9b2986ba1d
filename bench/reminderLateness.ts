import { openBenchContext } from './benchContext.js';
import type { StartBenchProcess } from './benchProcess.js';
import type { DiscordWorld } from './discordWorld.js';
import { insertBackgroundSchedules } from './schedulerTick.js';
import { median, percentile } from './statistics.js';

export interface ReminderLatenessSettings {
  reminders: number;
  /** Reminders fall due one after another over this long, while members keep the bot busy. */
  spreadMilliseconds: number;
  /** Time for the bot to start before the first reminder is due. */
  startMarginMilliseconds: number;
  backgroundSchedules: number;
  concurrency: number;
}

export interface ReminderLatenessFigures {
  reminders: number;
  delivered: number;
  p50LatenessMilliseconds: number;
  maximumLatenessMilliseconds: number;
  /** Interactions answered meanwhile (the load). */
  interactionsDuringTest: number;
}

const title = (index: number) => `Bench reminder ${index + 1}`;

/** Schedules one-off sessions in the bench channel, reminded at their start (lead 0), and returns their instants. */
async function scheduleReminders(world: DiscordWorld, knowledgeBasePath: string, settings: ReminderLatenessSettings): Promise<Date[]> {
  const bench = await openBenchContext({ path: world.databasePath, url: world.environment.bot['DATABASE_URL'] }, knowledgeBasePath);
  const { context, database } = bench;
  try {
    await insertBackgroundSchedules(database, context, { schedules: settings.backgroundSchedules, schedulesPerServer: 10 });
    const party = await context.parties.forChannelOrDefault(world.guild.id, world.channel.id);
    const first = Date.now() + settings.startMarginMilliseconds;
    const instants: Date[] = [];
    for (let index = 0; index < settings.reminders; index++) {
      const start = new Date(first + Math.round((index * settings.spreadMilliseconds) / Math.max(1, settings.reminders - 1)));
      await context.schedules.create({
        guildId: world.guild.id,
        partyId: party.id,
        channelId: world.channel.id,
        pingRoleId: null,
        title: title(index),
        schedule: { firstStart: start, zone: 'UTC', repeat: 'none' },
        episodes: 1,
        leadMinutes: [0],
        createdBy: '100000000000000099',
      });
      instants.push(start);
    }
    return instants;
  } finally {
    await bench.close();
  }
}

/**
 * How late reminders reach Discord: the real bot (its reminder job on its own clock) with reminders falling due
 * while members keep sending /character. Lateness is when the fake Discord stored the message minus the instant.
 */
export async function measureReminderLateness(
  startBenchProcess: StartBenchProcess,
  world: DiscordWorld,
  knowledgeBasePath: string,
  settings: ReminderLatenessSettings,
  action: (world: DiscordWorld, iteration: number) => Promise<unknown>,
): Promise<ReminderLatenessFigures> {
  const instants = await scheduleReminders(world, knowledgeBasePath, settings);
  const bot = await startBenchProcess('bot', world.environment.bot);
  const loadEnds = (instants.at(-1)?.getTime() ?? Date.now()) + 3_000;
  let interactions = 0;
  try {
    const member = async () => {
      while (Date.now() < loadEnds) {
        await action(world, interactions).catch(() => undefined);
        interactions += 1;
      }
    };
    await Promise.all(Array.from({ length: settings.concurrency }, member));
  } finally {
    await bot.stop();
  }
  const messages = world.fake.channelMessages(world.channel.id);
  const lateness = instants.flatMap((instant, index) => {
    const message = messages.find((candidate) => candidate.content.includes(`**${title(index)}**`));
    return message ? [message.createdAt.getTime() - instant.getTime()] : [];
  });
  return {
    reminders: instants.length,
    delivered: lateness.length,
    p50LatenessMilliseconds: median(lateness),
    maximumLatenessMilliseconds: percentile(lateness, 100),
    interactionsDuringTest: interactions,
  };
}

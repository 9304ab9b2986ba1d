import { createReminderTick } from '../../src/watchparty/reminderTick.js';
import type { TickReport } from '../../src/watchparty/reminderTick.js';
import { startTestBot } from './botHarness.js';
import { createManualClock } from './manualClock.js';
import { waitUntil } from './waitUntil.js';
import type { StoredMessage } from '../fakeDiscord/index.js';

const minute = 60_000;

/**
 * The real bot against the fake Discord with an injected clock and a reminder tick the test runs itself.
 * The clock starts at the next whole minute of the real time because the fake Discord, like Discord, refuses
 * scheduled events that start in the (real) past. The bot's own jobs tick only when a test runs them: nothing
 * happens behind a test's back.
 */
export async function startReminderTestBot(
  options: {
    claimLeaseMilliseconds?: number;
    /** Tests that leave a reminder or thread claimed but unfinished on purpose (as a crash would) wait only for events. */
    settleOnlyEvents?: boolean;
    /** Pack folders to install side by side, as for startTestBot; Hero Mask alone when unset. */
    packs?: readonly string[];
  } = {},
) {
  const manualClock = createManualClock(new Date(Math.ceil(Date.now() / minute) * minute));
  // The time the tests read and set; setting it runs no tick, as a jump in time would not.
  const clock = {
    get now(): Date {
      return manualClock.now();
    },
    set now(instant: Date) {
      manualClock.setTime(instant);
    },
  };
  const harness = await startTestBot({ clock: manualClock, ...(options.packs ? { packs: options.packs } : {}) });
  const tick = createReminderTick({
    client: harness.bot.client,
    context: harness.bot.context,
    ...(options.claimLeaseMilliseconds === undefined ? {} : { claimLeaseMilliseconds: options.claimLeaseMilliseconds }),
  });
  const claimedReminders = options.settleOnlyEvents ? '0' : `(SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'claimed')`;
  const unfinishedReminders = async () =>
    Number(await harness.bot.database.value(`SELECT ${claimedReminders} + (SELECT COUNT(*) FROM schedule_events WHERE state = 'pending')`));
  const threads = harness.bot.context.discussionThreads;
  const unfinished = async () => (await unfinishedReminders()) + (options.settleOnlyEvents ? 0 : await threads.inFlight());

  /** Waits until no reminder, discussion thread or event is half-way (claimed but not yet confirmed by Discord). */
  function settled(): Promise<void> {
    return waitUntil(async () => (await unfinished()) === 0, 'reminders, discussion threads and events to be confirmed by Discord', { timeoutMilliseconds: 5_000 });
  }

  return {
    harness,
    clock,
    tick,
    settled,
    /** Moves the clock to `instant`, runs one tick there and waits for what it started. */
    async tickAt(instant: Date): Promise<TickReport> {
      clock.now = instant;
      const report = await tick(instant);
      await settled();
      return report;
    },
    /** Messages the bot posted by itself in a channel (reminders), not interaction answers. */
    postedMessages(channelId: string): StoredMessage[] {
      return harness.fake
        .channelMessages(channelId)
        .filter((message) => message.authorId === harness.fake.botUserId && message.interaction === null);
    },
  };
}

export type ReminderTestBot = Awaited<ReturnType<typeof startReminderTestBot>>;

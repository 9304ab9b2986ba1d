import { registerComponent } from '../../src/discord/command.js';
import type { ComponentHandler } from '../../src/discord/command.js';
import { ephemeralText } from '../../src/discord/reply.js';
import { rsvpButtonArguments, rsvpButtons, rsvpComponentName } from '../../src/watchparty/index.js';
import type { ReminderKey } from '../../src/domain/watchparty/storedSchedule.js';
import type { RsvpAnswer } from '../../src/domain/watchparty/rsvp.js';

const handler: ComponentHandler<{ key: ReminderKey; answer: RsvpAnswer }> = {
  name: rsvpComponentName,
  access: 'everyone',
  description: 'Going / Maybe / Can’t under a reminder',
  parse: rsvpButtonArguments,
  async execute(invocation, { key, answer }, context) {
    const schedule = await context.schedules.byId(invocation.guildId, key.scheduleId);
    if (!schedule || schedule.status === 'cancelled') {
      return { kind: 'reply', reply: ephemeralText('This watch party was cancelled, so it takes no more RSVPs. `/watchparty list` shows what is planned.') };
    }
    const counts = await context.rsvps.answer(schedule.id, key.occurrenceIndex, invocation.actor.userId, answer);
    // Only the buttons change; the reminder text stays as it was posted.
    return { kind: 'update', reply: { components: [rsvpButtons(key, counts)] } };
  },
};

/**
 * Going / Maybe / Can't under a reminder: records the member's answer and updates the counts in place.
 * The shared list erases argument types; the router hands `execute` what `parse` produced.
 */
export const rsvpComponent = registerComponent(handler);

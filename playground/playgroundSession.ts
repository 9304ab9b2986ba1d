import { PermissionFlagsBits } from 'discord.js';
import type { Logger } from 'pino';
import { startBot } from '../src/bot.js';
import type { RunningBot } from '../src/bot.js';
import type { Config } from '../src/config/config.js';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';
import type { FakeDiscord, InteractionOutcome, StoredMessage } from '../test/fakeDiscord/index.js';
import { checkCommand, optionNames } from './commandCheck.js';
import type { CommandDefinition, NameLookup } from './commandCheck.js';
import type { MarkupContext } from './discordMarkup.js';
import { MessageFeed } from './messageFeed.js';
import { parseCommandLine } from './parseCommandLine.js';
import { clickableButtons, labelKey, renderMessage } from './renderMessage.js';
import { describeCalendar, describeEvents } from './scheduleViews.js';

export function playgroundHelp(timeZone: string): string {
  return [
    'Type a slash command as in Discord:   /progress set episode:3   /character name:James',
    'A value runs to the next option:      /watchparty schedule start:in 2 minutes title:Alice\'s night',
    'Quotes keep a value whole:            /search query:"a mask: the truth"',
    'Channels, roles, people by name:      /party create name:Dub channel:#dub host-role:@Hosts',
    'See autocomplete choices:             complete /character name:ja',
    'Click a button:                       click Next   click going   click 2   (newest message with buttons)',
    'Click a button of any message:        click Going on 3   (3: the "msg 3" in the message\'s first line)',
    'The server\'s scheduled events:        events',
    'The sessions in the calendar file:    calendar   (runs /watchparty calendar and reads its .ics)',
    'Act as someone else:                  as alice     (users: admin, host, alice, bob)',
    'Move to another channel:              in #dub      (channels: #general, #dub)',
    'Leave:                                quit',
    `Times show in ${timeZone}. What the bot posts, edits ("✎ edited") or deletes appears as it happens.`,
  ].join('\n');
}

/** A failed interaction as a Discord user sees it, rather than the fake Discord's own diagnosis. */
function whatDiscordShows(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('fake Discord: interaction')) return '⚠ The application did not respond. (Discord shows this when a bot does not answer within 3 seconds.)';
  return `⚠ ${message.replace(/^fake Discord: /, '')}`;
}

/**
 * The fake Discord, the real bot and one pretend server, driven by lines a person types.
 * Each line returns what Discord would show, rendered for a terminal.
 */
export async function startPlaygroundSession(input: { config: Config; logger: Logger; timeZone?: string }) {
  const timeZone = input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fake: FakeDiscord = await startFakeDiscord();
  const guild = fake.addGuild({ name: 'Playground' });
  const channels = new Map([
    ['general', fake.addChannel(guild.id, { name: 'general' })],
    ['dub', fake.addChannel(guild.id, { name: 'dub' })],
  ]);
  // Mentionable, as a server would set a role it wants pinged, so reminders can ping it here too.
  const hosts = fake.addRole(guild.id, { name: 'Hosts', mentionable: true });
  // A role, not a fixed set of permissions, so the admin also has what @everyone may do (send messages).
  const admins = fake.addRole(guild.id, { name: 'Admins', permissions: PermissionFlagsBits.ManageGuild });
  const roles = new Map([
    ['hosts', hosts],
    ['admins', admins],
  ]);
  const users = new Map([
    ['admin', fake.addMember(guild.id, { username: 'admin', roles: [admins.id] })],
    ['host', fake.addMember(guild.id, { username: 'host', roles: [hosts.id] })],
    ['alice', fake.addMember(guild.id, { username: 'alice' })],
    ['bob', fake.addMember(guild.id, { username: 'bob' })],
  ]);
  const bot: RunningBot = await startBot({
    config: { ...input.config, DISCORD_API_BASE: fake.apiBase, DISCORD_TOKEN: 'playground' },
    logger: input.logger,
  });
  if ((await bot.context.settings.get(guild.id)).hostRoleId === null) await bot.context.settings.update(guild.id, { hostRoleId: hosts.id });

  const scene = { user: 'admin', channel: 'general', busy: false };
  const threadsOfServer = () => fake.threads({ guildId: guild.id });
  const channelId = () => channels.get(scene.channel)!.id;
  const userId = () => users.get(scene.user)!.id;
  const nameOf = <Thing extends { id: string }>(things: Map<string, Thing>, label: (thing: Thing) => string) => (id: string) => {
    const found = [...things.values()].find((thing) => thing.id === id);
    return found ? label(found) : undefined;
  };
  const markup = (): MarkupContext => ({
    userName: (id) => (id === fake.botUserId ? 'Watchalong' : nameOf(users, (user) => user.username)(id)),
    // A discussion thread goes by its own name, as Discord shows it.
    channelName: (id) => nameOf(channels, (channel) => channel.name)(id) ?? threadsOfServer().find((thread) => thread.id === id)?.name,
    roleName: (id) => (id === guild.id ? 'everyone' : nameOf(roles, (role) => role.name)(id)),
    now: new Date(),
    timeZone,
  });
  const feed = new MessageFeed(
    {
      channelIds: () => [...[...channels.values()], ...threadsOfServer()].map((channel) => channel.id),
      channelMessages: (id) => fake.channelMessages(id),
      message: (channel, id) => fake.message(channel, id),
    },
    (message, heading) => renderMessage(message, heading, markup()),
  );
  const channelPrefix = (id: string) => (id === channelId() ? '' : `#${markup().channelName(id) ?? 'unknown'} · `);

  const lookup: NameLookup = (kind, typed) => {
    const name = typed.replace(/^[#@]/, '').toLowerCase();
    const known = { channel: channels, role: roles, user: users }[kind] as Map<string, { id: string }>;
    const found = known.get(name) ?? [...known.values()].find((thing) => thing.id === typed);
    if (found) return { id: found.id };
    const sign = kind === 'channel' ? '#' : '@';
    return { problem: `no ${kind} ${sign}${name} here (${[...known.keys()].map((key) => sign + key).join(', ')})` };
  };
  const definitions = (): CommandDefinition[] => {
    const inGuild = fake.registeredCommands(guild.id);
    return (inGuild.length > 0 ? inGuild : fake.registeredCommands()) as unknown as CommandDefinition[];
  };
  const parse = (line: string) => {
    const definition = definitions().find((candidate) => candidate.name === /^\/(\S+)/.exec(line.trim())?.[1]?.toLowerCase());
    return parseCommandLine(line, definition ? (name) => optionNames(definition).has(name.toLowerCase()) : undefined);
  };
  const scenePlace = () => ({ guildId: guild.id, channelId: channelId(), userId: userId() });

  function showOutcome(outcome: InteractionOutcome): string {
    return [outcome.message, ...outcome.followUps]
      .filter((message): message is StoredMessage => message !== undefined)
      .map((message) => feed.show(message))
      .filter((text) => text !== '')
      .join('\n') || '(no answer)';
  }

  async function runCommand(line: string): Promise<string> {
    const parsed = parse(line);
    if (!parsed) return 'That is not a slash command. Type "help" for what you can do.';
    const checked = checkCommand(parsed, definitions(), lookup);
    if (!checked.ok) return checked.problem;
    return showOutcome(await fake.sendCommand({ ...scenePlace(), ...checked.value }));
  }

  async function complete(line: string): Promise<string> {
    const parsed = parse(line);
    const focused = parsed ? Object.keys(parsed.options).at(-1) : undefined;
    if (!parsed || !focused) return 'Usage: complete /character name:ja';
    const checked = checkCommand(parsed, definitions(), lookup, focused);
    if (!checked.ok) return checked.problem;
    const choices = await fake.sendAutocomplete({ ...scenePlace(), ...checked.value, focused });
    return choices.length === 0 ? '(no choices)' : choices.map((choice) => `  ${choice.name}  → ${choice.value}`).join('\n');
  }

  async function click(target: string, messageNumber: string | undefined): Promise<string> {
    const onMessage = messageNumber === undefined ? undefined : feed.byNumber(Number(messageNumber));
    if (messageNumber !== undefined && !onMessage) return `There is no msg ${messageNumber}. Each message's first line shows its number.`;
    const candidates = onMessage
      ? [{ message: onMessage, number: Number(messageNumber), buttons: clickableButtons(onMessage) }]
      : feed.withButtons(channelId());
    if (candidates.every((candidate) => candidate.buttons.length === 0)) {
      return onMessage ? `msg ${messageNumber} has no buttons to click.` : 'There are no buttons to click yet.';
    }
    const wanted = labelKey(target);
    const byNumber = /^\d+$/.test(target) ? candidates.slice(0, 1) : candidates;
    for (const { message, buttons } of byNumber) {
      const button = buttons.find((candidate) => (/^\d+$/.test(target) ? String(candidate.number) === target : wanted !== '' && labelKey(candidate.label).startsWith(wanted)));
      if (button) return showOutcome(await fake.clickButton({ ...scenePlace(), channelId: message.channelId, messageId: message.id, customId: button.customId }));
    }
    const [newest] = candidates;
    const offered = newest!.buttons.map((button) => `[${button.number}] ${button.label}`).join('   ');
    return `No button "${target}". Buttons of msg ${newest!.number}: ${offered}`;
  }

  async function calendar(): Promise<string> {
    const outcome = await fake.sendCommand({ ...scenePlace(), name: 'watchparty', subcommand: 'calendar' });
    const file = outcome.message?.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
    const shown = showOutcome(outcome);
    return file ? `${shown}\n${describeCalendar(file.data.toString('utf8'), markup())}` : shown;
  }

  const commands: Array<[RegExp, (match: RegExpMatchArray) => Promise<string> | string]> = [
    [/^help$/i, () => playgroundHelp(timeZone)],
    [/^as\s+@?(\w+)$/i, (match) => {
      const name = match[1]!.toLowerCase();
      if (!users.has(name)) return `No user "${name}". Users: ${[...users.keys()].join(', ')}`;
      scene.user = name;
      return `You are now ${name}.`;
    }],
    [/^in\s+#?(\w+)$/i, (match) => {
      const name = match[1]!.toLowerCase();
      if (!channels.has(name)) return `No channel "#${name}". Channels: ${[...channels.keys()].map((channel) => `#${channel}`).join(', ')}`;
      scene.channel = name;
      return `You are now in #${name}.`;
    }],
    [/^click\s+(.+?)(?:\s+on\s+(?:msg\s*)?(\d+))?$/i, (match) => click(match[1]!.trim(), match[2])],
    [/^complete\s+(.+)$/i, (match) => complete(match[1]!)],
    [/^events$/i, () => describeEvents(fake.scheduledEvents(guild.id), markup())],
    [/^calendar$/i, () => calendar()],
    [/^\//, (match) => runCommand(match.input ?? '')],
  ];

  return {
    prompt: () => `${scene.user} in #${scene.channel}> `,
    timeZone,
    async handleLine(line: string): Promise<string> {
      const trimmed = line.trim();
      if (trimmed === '') return '';
      const command = commands.find(([pattern]) => pattern.test(trimmed));
      if (!command) return 'I did not understand that. Type "help" for what you can do.';
      scene.busy = true;
      try {
        return await command[1](trimmed.match(command[0])!);
      } catch (error) {
        return whatDiscordShows(error);
      } finally {
        scene.busy = false;
      }
    },
    /** What the bot posted, edited or deleted by itself since last asked; nothing while a typed line runs. */
    changes(): string[] {
      return scene.busy ? [] : feed.changes(channelPrefix);
    },
    async close(): Promise<void> {
      await bot.stop();
      await fake.close();
    },
  };
}

export type PlaygroundSession = Awaited<ReturnType<typeof startPlaygroundSession>>;

import { PermissionFlagsBits } from 'discord.js';
import type { Logger } from 'pino';
import { startBot } from '../src/bot.js';
import type { RunningBot } from '../src/bot.js';
import type { Config } from '../src/config/config.js';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';
import type { FakeDiscord, InteractionOutcome, StoredMessage } from '../test/fakeDiscord/index.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { OptionValue } from './parseCommandLine.js';
import { clickableComponents, renderMessage } from './renderMessage.js';

export const playgroundHelp = [
  'Type a slash command as in Discord:   /progress set episode:3   /character name:James',
  'Options with spaces take quotes:      /character name:"James Blood" private:true',
  'Channels and roles by name:           /party create name:Dub channel:#dub host-role:@Hosts',
  'See autocomplete choices:             complete /character name:ja',
  'Click a button of the last message:   click 2      or      click Going',
  'Act as someone else:                  as alice     (users: admin, host, alice, bob)',
  'Move to another channel:              in #dub      (channels: #general, #dub)',
  'Leave:                                quit',
].join('\n');

interface Scene {
  user: string;
  channel: string;
  lastWithComponents: StoredMessage | undefined;
}

/**
 * The fake Discord, the real bot and one pretend server, driven by lines a person types.
 * Each line returns what Discord would show, rendered for a terminal.
 */
export async function startPlaygroundSession(input: { config: Config; logger: Logger }) {
  const fake: FakeDiscord = await startFakeDiscord();
  const guild = fake.addGuild({ name: 'Playground' });
  const channels = new Map([
    ['general', fake.addChannel(guild.id, { name: 'general' })],
    ['dub', fake.addChannel(guild.id, { name: 'dub' })],
  ]);
  const hosts = fake.addRole(guild.id, { name: 'Hosts' });
  const roles = new Map([['hosts', hosts]]);
  const users = new Map([
    ['admin', fake.addMember(guild.id, { username: 'admin', permissions: PermissionFlagsBits.ManageGuild })],
    ['host', fake.addMember(guild.id, { username: 'host', roles: [hosts.id] })],
    ['alice', fake.addMember(guild.id, { username: 'alice' })],
    ['bob', fake.addMember(guild.id, { username: 'bob' })],
  ]);
  const bot: RunningBot = await startBot({
    config: { ...input.config, DISCORD_API_BASE: fake.apiBase, DISCORD_TOKEN: 'playground' },
    logger: input.logger,
  });
  if (bot.context.settings.get(guild.id).hostRoleId === null) bot.context.settings.update(guild.id, { hostRoleId: hosts.id });

  const scene: Scene = { user: 'admin', channel: 'general', lastWithComponents: undefined };
  const seenMessageIds = new Set<string>();

  const channelId = () => channels.get(scene.channel)!.id;
  const userId = () => users.get(scene.user)!.id;

  function resolveValue(value: OptionValue): OptionValue {
    if (typeof value !== 'string') return value;
    if (value.startsWith('#')) return channels.get(value.slice(1).toLowerCase())?.id ?? value;
    if (value.startsWith('@')) return roles.get(value.slice(1).toLowerCase())?.id ?? users.get(value.slice(1).toLowerCase())?.id ?? value;
    return value;
  }

  function show(message: StoredMessage | undefined): string {
    if (!message) return '(no answer)';
    seenMessageIds.add(message.id);
    if (clickableComponents(message).length > 0) scene.lastWithComponents = message;
    return renderMessage(message, 'Watchalong');
  }

  function showOutcome(outcome: InteractionOutcome): string {
    return [show(outcome.message), ...outcome.followUps.map(show)].join('\n');
  }

  async function runCommand(line: string): Promise<string> {
    const parsed = parseCommandLine(line);
    if (!parsed) return 'That is not a slash command. Type "help" for what you can do.';
    const [first, second] = parsed.path;
    const options = Object.fromEntries(Object.entries(parsed.options).map(([key, value]) => [key, resolveValue(value)]));
    const outcome = await fake.sendCommand({
      guildId: guild.id,
      channelId: channelId(),
      userId: userId(),
      name: parsed.name,
      ...(second ? { subcommandGroup: first, subcommand: second } : first ? { subcommand: first } : {}),
      options,
    });
    return showOutcome(outcome);
  }

  async function complete(line: string): Promise<string> {
    const parsed = parseCommandLine(line);
    const focused = parsed ? Object.keys(parsed.options).at(-1) : undefined;
    if (!parsed || !focused) return 'Usage: complete /character name:ja';
    const [first, second] = parsed.path;
    const choices = await fake.sendAutocomplete({
      guildId: guild.id,
      channelId: channelId(),
      userId: userId(),
      name: parsed.name,
      focused,
      ...(second ? { subcommandGroup: first, subcommand: second } : first ? { subcommand: first } : {}),
      options: Object.fromEntries(Object.entries(parsed.options).map(([key, value]) => [key, String(value)])),
    });
    return choices.length === 0 ? '(no choices)' : choices.map((choice) => `  ${choice.name}  → ${choice.value}`).join('\n');
  }

  async function click(target: string): Promise<string> {
    const message = scene.lastWithComponents;
    if (!message) return 'There is nothing to click yet.';
    const clickable = clickableComponents(message);
    const [which = '', ...rest] = target.split(' ');
    const component = clickable.find((candidate) => String(candidate.number) === which || candidate.label.toLowerCase() === target.toLowerCase());
    if (!component) return `No button "${target}". Buttons: ${clickable.map((candidate) => `[${candidate.number}] ${candidate.label}`).join('  ')}`;
    const base = { guildId: guild.id, channelId: message.channelId, userId: userId(), messageId: message.id, customId: component.customId };
    if (component.options.length > 0) {
      const wanted = rest.join(' ').toLowerCase();
      const option = component.options.find((candidate) => candidate.label.toLowerCase() === wanted) ?? component.options[0]!;
      return showOutcome(await fake.selectMenu({ ...base, values: [option.value] }));
    }
    return showOutcome(await fake.clickButton(base));
  }

  const commands: Array<[RegExp, (match: RegExpMatchArray) => Promise<string> | string]> = [
    [/^help$/i, () => playgroundHelp],
    [/^as\s+(\w+)$/i, (match) => {
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
    [/^click\s+(.+)$/i, (match) => click(match[1]!.trim())],
    [/^complete\s+(.+)$/i, (match) => complete(match[1]!)],
    [/^\//, (match) => runCommand(match.input ?? '')],
  ];

  return {
    prompt: () => `${scene.user} in #${scene.channel}> `,
    async handleLine(line: string): Promise<string> {
      const trimmed = line.trim();
      if (trimmed === '') return '';
      for (const [pattern, action] of commands) {
        const match = trimmed.match(pattern);
        if (match) {
          try {
            return await action(match);
          } catch (error) {
            return `⚠ ${error instanceof Error ? error.message : String(error)}`;
          }
        }
      }
      return 'I did not understand that. Type "help" for what you can do.';
    },
    /** Messages the bot posted on its own (reminders, quiz questions) since last asked. */
    newBotMessages(): string[] {
      const fresh = [...channels.entries()].flatMap(([name, channel]) =>
        fake
          .channelMessages(channel.id)
          .filter((message) => !seenMessageIds.has(message.id) && message.webhookId === null)
          .map((message) => `#${name} · ${show(message)}`),
      );
      return fresh;
    },
    async close(): Promise<void> {
      await bot.stop();
      await fake.close();
    },
  };
}

export type PlaygroundSession = Awaited<ReturnType<typeof startPlaygroundSession>>;

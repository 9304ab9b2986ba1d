import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord.js';
import { findCommandListProblems } from './commandValidation.js';
import { toApiChannel, toApiGuild, toApiMember, toApiRole } from './apiObjects.js';
import { FakeGateway, GATEWAY_PATH } from './gateway.js';
import { INITIAL_RESPONSE_DEADLINE_MS, InteractionTracker } from './interactionTracker.js';
import { RestFaults } from './restFaults.js';
import type { RestFailureSpec } from './restFaults.js';
import { createRestHandler } from './restServer.js';
import type { RequestLog } from './restServer.js';
import { botRoutes } from './routes/botRoutes.js';
import { channelRoutes } from './routes/channelRoutes.js';
import { commandRoutes } from './routes/commandRoutes.js';
import { guildRoutes } from './routes/guildRoutes.js';
import { interactionRoutes } from './routes/interactionRoutes.js';
import type { RouteDependencies } from './routes/routeDependencies.js';
import { scheduledEventRoutes } from './routes/scheduledEventRoutes.js';
import { threadRoutes } from './routes/threadRoutes.js';
import { archiveIdleThreads } from './threads.js';
import { createSnowflake } from './snowflake.js';
import { FakeDiscordState } from './state.js';
import type { ScheduledEvent } from './state.js';
import type { FakeChannel, FakeGuild, FakePermissionOverwrite, FakeRole, FakeUser, InteractionOutcome, RecordedRequest, StoredMessage } from './types.js';
import { DEFAULT_TIMEOUT_MS, UserActions } from './userActions.js';
import type { AutocompleteInput, ButtonInput, CommandInteractionInput, ModalInput, SelectMenuInput } from './userActions.js';

export interface FakeDiscordOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  applicationId?: string;
  /** What GET /gateway/bot recommends; discord.js uses it with `shards: 'auto'`. */
  recommendedShards?: number;
  /** Discord's 3 s limit for the first answer to an interaction; raise it only to debug a slow bot. */
  interactionResponseDeadlineMs?: number;
}

/** A Discord REST v10 + Gateway v10 stand-in on 127.0.0.1 for driving a real discord.js bot. */
export class FakeDiscord {
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** REST requests no route answered (404); a test should usually expect this to stay empty. */
  readonly unknownRoutes: RecordedRequest[];
  private readonly actions: UserActions;
  private readonly faults: RestFaults;

  constructor(
    private readonly server: Server,
    private readonly state: FakeDiscordState,
    private readonly gateway: FakeGateway,
    tracker: InteractionTracker,
    faults: RestFaults,
    log: RequestLog,
  ) {
    const { port } = server.address() as AddressInfo;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}${GATEWAY_PATH}`;
    this.applicationId = state.applicationId;
    this.botUserId = state.botUser.id;
    this.requests = log.requests;
    this.unknownRoutes = log.unknownRoutes;
    this.actions = new UserActions(state, gateway, tracker);
    this.faults = faults;
  }

  // --- World setup; each change is dispatched to connected clients like Discord would. ---

  /** `botPermissions` fixes the bot's effective permissions there; by default it has a typical invite's set. */
  addGuild(spec: { id?: string; name: string; ownerId?: string; botPermissions?: bigint }): FakeGuild {
    const guild = this.state.addGuild(spec);
    this.gateway.dispatch(guild.id, GatewayDispatchEvents.GuildCreate, toApiGuild(this.state, guild));
    return guild;
  }

  /**
   * A server the bot was never invited to. Nothing about it reaches the bot over the gateway, but its members can
   * still use the bot's commands there if the application allows User Install: Discord then sends the interaction.
   */
  addGuildWithoutBot(spec: { name: string }): FakeGuild {
    return this.state.addGuild({ ...spec, withBot: false });
  }

  /**
   * A guild that already has channels and roles, announced in one GUILD_CREATE as when the bot joins a
   * populated server: how the benchmark builds thousands of realistic guilds quickly.
   */
  addPopulatedGuild(spec: {
    name: string;
    channels: Array<{ name: string; type?: number }>;
    roles: Array<{ name: string; permissions?: bigint }>;
  }): FakeGuild {
    const guild = this.state.addGuild({ name: spec.name });
    for (const channel of spec.channels) this.state.addChannel(guild.id, channel);
    for (const role of spec.roles) this.state.addRole(guild.id, role);
    this.gateway.dispatch(guild.id, GatewayDispatchEvents.GuildCreate, toApiGuild(this.state, guild));
    return guild;
  }

  addChannel(guildId: string, spec: { id?: string; name: string; type?: number; overwrites?: FakePermissionOverwrite[] }): FakeChannel {
    const channel = this.state.addChannel(guildId, spec);
    this.gateway.dispatch(guildId, GatewayDispatchEvents.ChannelCreate, toApiChannel(this.state, channel));
    return channel;
  }

  /** Deletes a channel: later REST calls for it answer 404 Unknown Channel. */
  removeChannel(channelId: string): void {
    const channel = this.state.removeChannel(channelId);
    this.gateway.dispatch(channel.guildId, GatewayDispatchEvents.ChannelDelete, toApiChannel(this.state, channel));
  }

  addRole(guildId: string, spec: { id?: string; name: string; permissions?: bigint; mentionable?: boolean }): FakeRole {
    const role = this.state.addRole(guildId, spec);
    this.gateway.dispatch(guildId, GatewayDispatchEvents.GuildRoleCreate, { guild_id: guildId, role: toApiRole(role) });
    return role;
  }

  /** Adds a user (or reuses the one with this id) to a guild. `permissions` overrides what roles and ownership give. */
  addMember(guildId: string, spec: { id?: string; username: string; roles?: string[]; permissions?: bigint }): FakeUser {
    const user = (spec.id === undefined ? undefined : this.state.users.get(spec.id)) ?? this.state.addUser(spec);
    this.state.addMember(guildId, user.id, spec.roles ?? [], spec.permissions);
    const guild = this.state.requireGuild(guildId);
    this.gateway.dispatch(guildId, GatewayDispatchEvents.GuildMemberAdd, { ...toApiMember(this.state, guild, user.id), guild_id: guildId });
    return user;
  }

  /** A user outside any guild, e.g. for DMs. */
  addUser(spec: { id?: string; username: string }): FakeUser {
    return this.state.addUser(spec);
  }

  /** The DM channel between the bot and a user, created on first use (as POST /users/@me/channels does). */
  directMessageChannel(userId: string): FakeChannel {
    return this.state.directMessageChannel(userId);
  }

  setBotPermissions(guildId: string, permissions: bigint): void {
    this.state.setBotPermissions(guildId, permissions);
  }

  /** Registers commands as a deploy script would (PUT), for bots that do not register their own. */
  registerCommands(commands: Array<Record<string, unknown>>, guildId?: string): void {
    const problems = findCommandListProblems(commands);
    if (problems.length > 0) throw new Error(`fake Discord: Discord would refuse these commands: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    const scope = guildId ?? '';
    this.state.commands.set(scope, commands.map((command) => ({ type: 1, ...command, id: createSnowflake(), application_id: this.applicationId, ...(guildId === undefined ? {} : { guild_id: guildId }) })));
  }

  // --- Acting as a user. Each resolves once the bot has answered completely, or rejects after timeoutMs. ---

  sendCommand(input: CommandInteractionInput): Promise<InteractionOutcome> {
    return this.actions.sendCommand(input);
  }

  sendAutocomplete(input: AutocompleteInput): Promise<Array<{ name: string; value: string | number }>> {
    return this.actions.sendAutocomplete(input);
  }

  clickButton(input: ButtonInput): Promise<InteractionOutcome> {
    return this.actions.clickButton(input);
  }

  selectMenu(input: SelectMenuInput): Promise<InteractionOutcome> {
    return this.actions.selectMenu(input);
  }

  submitModal(input: ModalInput): Promise<InteractionOutcome> {
    return this.actions.submitModal(input);
  }

  // --- Observation ---

  /** Messages visible in the channel, oldest first: the bot's own and non-ephemeral interaction replies. */
  channelMessages(channelId: string): StoredMessage[] {
    return this.state.channelMessages(channelId);
  }

  /** Any message by id, ephemeral replies included. */
  message(channelId: string, messageId: string): StoredMessage | undefined {
    const message = this.state.messages.get(messageId);
    return message?.channelId === channelId ? message : undefined;
  }

  registeredCommands(guildId?: string): Array<Record<string, unknown>> {
    return this.state.commands.get(guildId ?? '') ?? [];
  }

  scheduledEvents(guildId: string): ScheduledEvent[] {
    return [...(this.state.scheduledEvents.get(guildId)?.values() ?? [])];
  }

  /** The threads started in a channel (or in every channel of a guild's), oldest first. */
  threads(where: { channelId?: string; guildId?: string }): FakeChannel[] {
    return [...this.state.channels.values()].filter(
      (channel) => channel.thread && (where.channelId === undefined || channel.thread.parentId === where.channelId) && (where.guildId === undefined || channel.guildId === where.guildId),
    );
  }

  /** Archives the threads that have been quiet for longer than their auto-archive duration at `now`, as Discord does over time. */
  archiveIdleThreads(now: Date): FakeChannel[] {
    const archived = archiveIdleThreads(this.state, now);
    for (const thread of archived) this.gateway.dispatch(thread.guildId, GatewayDispatchEvents.ThreadUpdate, toApiChannel(this.state, thread));
    return archived;
  }

  /** The first visible message in the channel, already there or still to come, that matches `predicate`. */
  waitForMessage(channelId: string, predicate: (message: StoredMessage) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<StoredMessage> {
    const existing = this.state.channelMessages(channelId).find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const stop = this.state.onMessageChanged((message) => {
        if (message.channelId !== channelId || message.ephemeral || !predicate(message)) return;
        clearTimeout(timer);
        stop();
        resolve(message);
      });
      const timer = setTimeout(() => {
        stop();
        const seen = this.state.channelMessages(channelId).map((message) => JSON.stringify(message.content)).join(', ') || 'none';
        reject(new Error(`fake Discord: no matching message in channel ${channelId} within ${timeoutMs} ms (messages there: ${seen})`));
      }, timeoutMs);
    });
  }

  /** Resolves when every shard of a client has identified and received READY and its guilds. */
  waitForReady(timeoutMs = 15_000): Promise<void> {
    return this.gateway.waitForReady(timeoutMs);
  }

  connectedShards(): number[] {
    return this.gateway.connectedShards();
  }

  // --- Faults ---

  injectRestFailures(spec: RestFailureSpec): void {
    this.faults.inject(spec);
  }

  /** Closes every gateway socket: resumable (close code 4000, the client resumes) or not (op 9, it identifies again). */
  dropGatewayConnections(options?: { resumable?: boolean }): void {
    this.gateway.drop(options);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = new FakeDiscordState(options.applicationId ?? createSnowflake());
  let gatewayUrl = '';
  const gateway = new FakeGateway(state, () => gatewayUrl);
  const tracker = new InteractionTracker(options.interactionResponseDeadlineMs ?? INITIAL_RESPONSE_DEADLINE_MS);
  const faults = new RestFaults();
  const log: RequestLog = { requests: [], unknownRoutes: [] };
  const dependencies: RouteDependencies = { state, tracker, gateway };
  const routes = [
    ...botRoutes(dependencies, { url: () => gatewayUrl, recommendedShards: options.recommendedShards ?? 1 }),
    ...commandRoutes(dependencies),
    ...interactionRoutes(dependencies),
    ...channelRoutes(dependencies),
    ...guildRoutes(dependencies),
    ...scheduledEventRoutes(dependencies),
    ...threadRoutes(dependencies),
  ];
  const handle = createRestHandler(routes, faults, log);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the fake itself: answer like Discord's 500 and say what broke, so the test output shows it.
      console.error('fake Discord: internal error', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `fake Discord internal error: ${String(error)}`, code: 0 }));
    });
  });
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const fake = new FakeDiscord(server, state, gateway, tracker, faults, log);
  gatewayUrl = fake.gatewayUrl;
  return fake;
}

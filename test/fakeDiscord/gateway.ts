import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { toApiGuild, toApiMember, toApiUser } from './apiObjects.js';
import { GatewaySession } from './gatewaySession.js';
import { shardIdForGuild } from './snowflake.js';
import type { FakeDiscordState } from './state.js';

export const GATEWAY_PATH = '/gateway';
const HEARTBEAT_INTERVAL_MS = 41_250;

interface GatewayFrame {
  op: number;
  d: unknown;
}

type Waiter = { isDone: () => boolean; resolve: () => void; reject: (reason: Error) => void };

/** Gateway v10 over a WebSocket: HELLO, IDENTIFY/READY, RESUME, heartbeats and dispatches routed by shard. */
export class FakeGateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly waiters = new Set<Waiter>();
  private readonly opcodeHandlers: Partial<Record<number, (socket: WebSocket, data: unknown) => void>> = {
    [GatewayOpcodes.Heartbeat]: (socket) => socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck })),
    [GatewayOpcodes.Identify]: (socket, data) => this.identify(socket, data as IdentifyData),
    [GatewayOpcodes.Resume]: (socket, data) => this.resume(socket, data as ResumeData),
    [GatewayOpcodes.RequestGuildMembers]: (socket, data) => this.sendMemberChunk(socket, data as RequestMembersData),
  };

  constructor(
    private readonly state: FakeDiscordState,
    private readonly gatewayUrl: () => string,
  ) {
    this.server.on('connection', (socket: WebSocket, request: IncomingMessage) => this.accept(socket, request));
  }

  attach(httpServer: Server): void {
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://fake.invalid').pathname.replace(/\/$/, '') !== GATEWAY_PATH) {
        socket.destroy();
        return;
      }
      this.server.handleUpgrade(request, socket, head, (webSocket) => this.server.emit('connection', webSocket, request));
    });
  }

  /** Sends an event to the sessions of the guild's shard (shard 0 for direct messages). Returns how many got it. */
  dispatch(guildId: string | null, event: string, data: unknown): number {
    const receivers = [...this.sessions.values()].filter(
      (session) => session.shardId === (guildId === null ? 0 : shardIdForGuild(guildId, session.shardCount)) && session.wants(event, guildId),
    );
    for (const session of receivers) session.dispatch(event, data);
    return receivers.length;
  }

  /** Waits (up to `timeoutMs`) until the guild's shard has a session, e.g. while a bot reconnects. */
  waitForSession(guildId: string | null, timeoutMs: number): Promise<void> {
    const hasSession = () => [...this.sessions.values()].some((session) => session.shardId === (guildId === null ? 0 : shardIdForGuild(guildId, session.shardCount)));
    return this.waitUntil(hasSession, timeoutMs, `no gateway session for ${guildId === null ? 'direct messages' : `guild ${guildId}`}: has the bot logged in?`);
  }

  connectedShards(): number[] {
    return [...this.sessions.values()].filter((session) => session.connected).map((session) => session.shardId).sort((a, b) => a - b);
  }

  /** Resolves once every shard of some shard count has an identified, connected session. */
  waitForReady(timeoutMs: number): Promise<void> {
    return this.waitUntil(() => this.allShardsConnected(), timeoutMs, 'no client became ready');
  }

  /** Resumable: close with 4000 so clients RESUME. Otherwise: op 9 invalid session, so they identify anew. */
  drop(options: { resumable?: boolean } = {}): void {
    for (const session of this.sessions.values()) {
      if (options.resumable ?? true) {
        session.socket?.close(GatewayCloseCodes.UnknownError, 'dropped by the fake Discord');
        session.socket = null;
      } else {
        session.socket?.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
        this.sessions.delete(session.id);
      }
    }
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    for (const waiter of this.waiters) waiter.reject(new Error('fake Discord: closed while waiting'));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const parameters = new URL(request.url ?? '/', 'http://fake.invalid').searchParams;
    if (parameters.get('v') !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null }));
    socket.on('message', (raw: RawData) => this.receive(socket, raw));
    socket.on('close', () => {
      for (const session of this.sessions.values()) {
        if (session.socket === socket) session.socket = null;
      }
    });
  }

  private receive(socket: WebSocket, raw: RawData): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(raw.toString()) as GatewayFrame;
    } catch {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload');
      return;
    }
    this.opcodeHandlers[frame.op]?.(socket, frame.d);
  }

  private identify(socket: WebSocket, data: IdentifyData): void {
    const [shardId, shardCount] = data.shard ?? [0, 1];
    if (shardId >= shardCount) {
      socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard');
      return;
    }
    const session = new GatewaySession(randomBytes(16).toString('hex'), shardId, shardCount, data.intents, socket);
    this.sessions.set(session.id, session);
    const guilds = [...this.state.guilds.values()].filter((guild) => shardIdForGuild(guild.id, shardCount) === shardId && this.state.botIsIn(guild.id));
    session.dispatch(GatewayDispatchEvents.Ready, {
      v: 10,
      user: toApiUser(this.state.botUser),
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl(),
      shard: [shardId, shardCount],
      application: { id: this.state.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
    });
    for (const guild of guilds) session.dispatch(GatewayDispatchEvents.GuildCreate, toApiGuild(this.state, guild));
    this.wakeWaiters();
  }

  private resume(socket: WebSocket, data: ResumeData): void {
    const session = this.sessions.get(data.session_id);
    if (session === undefined) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    session.socket = socket;
    if (!session.replayAfter(data.seq ?? 0)) {
      this.sessions.delete(session.id);
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    session.dispatch(GatewayDispatchEvents.Resumed, {});
    this.wakeWaiters();
  }

  /** Answers `guild.members.fetch({ user })` and full fetches with one GUILD_MEMBERS_CHUNK. */
  private sendMemberChunk(socket: WebSocket, data: RequestMembersData): void {
    const session = [...this.sessions.values()].find((candidate) => candidate.socket === socket);
    const guild = this.state.guilds.get(data.guild_id);
    if (session === undefined || guild === undefined) return;
    const wanted = data.user_ids === undefined ? undefined : new Set([data.user_ids].flat());
    const members = [...guild.members.keys()]
      .filter((userId) => wanted === undefined || wanted.has(userId))
      .map((userId) => toApiMember(this.state, guild, userId));
    const notFound = wanted === undefined ? [] : [...wanted].filter((userId) => !guild.members.has(userId));
    session.dispatch(GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: notFound,
      nonce: data.nonce,
    });
  }

  private allShardsConnected(): boolean {
    const connected = [...this.sessions.values()].filter((session) => session.connected);
    return connected.some((session) => Array.from({ length: session.shardCount }, (_, shardId) => shardId).every((shardId) =>
      connected.some((other) => other.shardCount === session.shardCount && other.shardId === shardId),
    ));
  }

  private waitUntil(isDone: () => boolean, timeoutMs: number, failure: string): Promise<void> {
    if (isDone()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        outcome();
      };
      const waiter: Waiter = {
        isDone,
        resolve: () => settle(resolve),
        reject: (reason) => settle(() => reject(reason)),
      };
      const timer = setTimeout(() => waiter.reject(new Error(`fake Discord: ${failure} (waited ${timeoutMs} ms)`)), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private wakeWaiters(): void {
    for (const waiter of this.waiters) {
      if (waiter.isDone()) waiter.resolve();
    }
  }
}

interface IdentifyData {
  token: string;
  intents: number;
  shard?: [number, number];
}

interface ResumeData {
  session_id: string;
  seq: number | null;
}

interface RequestMembersData {
  guild_id: string;
  user_ids?: string | string[];
  nonce?: string;
}

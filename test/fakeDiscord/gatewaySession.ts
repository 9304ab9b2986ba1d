import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { WebSocket } from 'ws';

/** Events a bot only receives when it identified with the matching intent; the rest need none. */
const GUILD_EVENT_INTENTS: Partial<Record<string, number>> = {
  [GatewayDispatchEvents.GuildCreate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildUpdate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildDelete]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildRoleCreate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.ChannelCreate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.ChannelDelete]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildMemberAdd]: GatewayIntentBits.GuildMembers,
  [GatewayDispatchEvents.GuildScheduledEventCreate]: GatewayIntentBits.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventUpdate]: GatewayIntentBits.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventDelete]: GatewayIntentBits.GuildScheduledEvents,
  [GatewayDispatchEvents.MessageCreate]: GatewayIntentBits.GuildMessages,
  [GatewayDispatchEvents.MessageUpdate]: GatewayIntentBits.GuildMessages,
  [GatewayDispatchEvents.MessageDelete]: GatewayIntentBits.GuildMessages,
};

const DIRECT_MESSAGE_EVENTS = new Set<string>([
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
]);

/** Enough for any resume a test provokes, small enough for a long benchmark run. */
const REPLAY_HISTORY_LIMIT = 5000;

/**
 * One identified gateway session of one shard. It outlives its socket so a client can RESUME and get the
 * dispatches it missed replayed.
 */
export class GatewaySession {
  private sequence = 0;
  private readonly history: Array<{ sequence: number; frame: string }> = [];

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    private readonly intents: number,
    public socket: WebSocket | null,
  ) {}

  get connected(): boolean {
    return this.socket !== null;
  }

  wants(event: string, guildId: string | null): boolean {
    const required = guildId === null && DIRECT_MESSAGE_EVENTS.has(event) ? GatewayIntentBits.DirectMessages : GUILD_EVENT_INTENTS[event];
    return required === undefined || (this.intents & required) !== 0;
  }

  /** Sends a dispatch now, or keeps it for the replay if the socket is gone. */
  dispatch(event: string, data: unknown): void {
    this.sequence += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: this.sequence, d: data });
    this.history.push({ sequence: this.sequence, frame });
    if (this.history.length > REPLAY_HISTORY_LIMIT) this.history.shift();
    this.socket?.send(frame);
  }

  /** Re-sends what the client missed after `lastSeenSequence`; false when that sequence is unknown. */
  replayAfter(lastSeenSequence: number): boolean {
    const oldestKept = this.history[0]?.sequence ?? this.sequence + 1;
    if (lastSeenSequence > this.sequence || lastSeenSequence < oldestKept - 1) return false;
    for (const entry of this.history) {
      if (entry.sequence > lastSeenSequence) this.socket?.send(entry.frame);
    }
    return true;
  }
}

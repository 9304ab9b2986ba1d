/** A watch party: a group in a server with its own progress, bound to a channel or the server's default. */
export interface Party {
  id: number;
  guildId: string;
  name: string;
  /** Null for the server's default party. */
  channelId: string | null;
  hostRoleId: string | null;
  /** The id of the series (knowledge pack) it watches. */
  seriesId: string;
}

/** Every server has one party not bound to a channel; it answers in channels that have no party of their own. */
export const defaultPartyName = 'default';

/** A server's parties have distinct names. */
export class PartyNameTakenError extends Error {}
/** A channel has at most one party. */
export class ChannelHasPartyError extends Error {}

export { FakeDiscord, startFakeDiscord } from './fakeDiscord.js';
export type { FakeDiscordOptions } from './fakeDiscord.js';
export type { RestFailureSpec } from './restFaults.js';
export type { AutocompleteInput, ButtonInput, CommandInteractionInput, ModalInput, SelectMenuInput } from './userActions.js';
export type { FakeChannel, FakeGuild, FakePermissionOverwrite, FakeRole, FakeUser, InteractionOutcome, RecordedRequest, StoredAttachment, StoredMessage } from './types.js';
export { createSnowflake, shardIdForGuild } from './snowflake.js';

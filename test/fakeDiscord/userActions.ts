import { ComponentType, GatewayDispatchEvents, InteractionType } from 'discord.js';
import { buildCommandOptions } from './commandOptions.js';
import type { CommandInput } from './commandOptions.js';
import { findComponent, findSelectionProblem, SELECT_MENU_TYPES } from './componentLookup.js';
import type { FakeGateway } from './gateway.js';
import { buildInteraction, chatInputData, componentExtra } from './interactionPayloads.js';
import type { InteractionScene } from './interactionPayloads.js';
import type { InteractionTracker } from './interactionTracker.js';
import type { FakeDiscordState } from './state.js';
import type { InteractionOutcome, StoredMessage } from './types.js';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface SceneInput {
  /** Defaults to the channel's guild; leave out for a DM channel. */
  guildId?: string;
  channelId: string;
  userId: string;
  timeoutMs?: number;
}

export type CommandInteractionInput = SceneInput & Omit<CommandInput, 'focused'>;
export type AutocompleteInput = SceneInput & Omit<CommandInput, 'focused'> & { focused: string };
export type ButtonInput = SceneInput & { messageId: string; customId: string };
export type SelectMenuInput = ButtonInput & { values: string[] };
export type ModalInput = SceneInput & { customId: string; fields: Record<string, string>; messageId?: string };

/** A user acting in Discord: each action sends one INTERACTION_CREATE and waits for the bot's complete answer. */
export class UserActions {
  constructor(
    private readonly state: FakeDiscordState,
    private readonly gateway: FakeGateway,
    private readonly tracker: InteractionTracker,
  ) {}

  async sendCommand(input: CommandInteractionInput): Promise<InteractionOutcome> {
    return this.sendCommandInteraction(InteractionType.ApplicationCommand, input);
  }

  async sendAutocomplete(input: AutocompleteInput): Promise<Array<{ name: string; value: string | number }>> {
    const outcome = await this.sendCommandInteraction(InteractionType.ApplicationCommandAutocomplete, input);
    return outcome.autocompleteChoices;
  }

  async clickButton(input: ButtonInput): Promise<InteractionOutcome> {
    const { message, component } = this.componentOf(input, (type) => type === ComponentType.Button, 'button');
    return this.send(this.scene(input), InteractionType.MessageComponent, { custom_id: input.customId, component_type: component['type'] }, {
      label: `button '${input.customId}'`,
      message,
      timeoutMs: input.timeoutMs,
    });
  }

  async selectMenu(input: SelectMenuInput): Promise<InteractionOutcome> {
    const { message, component } = this.componentOf(input, (type) => SELECT_MENU_TYPES.has(type), 'select menu');
    const problem = findSelectionProblem(component, input.values);
    if (problem !== undefined) throw new Error(`fake Discord: select menu '${input.customId}' ${problem}`);
    return this.send(this.scene(input), InteractionType.MessageComponent, { custom_id: input.customId, component_type: component['type'], values: input.values }, {
      label: `select menu '${input.customId}'`,
      message,
      timeoutMs: input.timeoutMs,
    });
  }

  async submitModal(input: ModalInput): Promise<InteractionOutcome> {
    const message = input.messageId === undefined ? undefined : this.messageOf(input.channelId, input.messageId);
    const components = Object.entries(input.fields).map(([customId, value]) => ({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
    }));
    return this.send(this.scene(input), InteractionType.ModalSubmit, { custom_id: input.customId, components }, {
      label: `modal '${input.customId}'`,
      message,
      timeoutMs: input.timeoutMs,
    });
  }

  private sendCommandInteraction(type: InteractionType, input: SceneInput & CommandInput): Promise<InteractionOutcome> {
    const scene = this.scene(input);
    const command = this.registeredCommand(scene.guildId, input.name);
    const { options, resolved } = buildCommandOptions(this.state, scene.guildId, command, input, scene.userId);
    const label = ['/' + input.name, input.subcommandGroup, input.subcommand].filter(Boolean).join(' ');
    return this.send(scene, type, chatInputData(command, options, resolved), { label, message: undefined, timeoutMs: input.timeoutMs });
  }

  private async send(
    scene: InteractionScene,
    type: InteractionType,
    data: Record<string, unknown>,
    details: { label: string; message: StoredMessage | undefined; timeoutMs: number | undefined },
  ): Promise<InteractionOutcome> {
    const timeoutMs = details.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const payload = buildInteraction(this.state, scene, type, data, details.message === undefined ? {} : componentExtra(this.state, details.message));
    await this.gateway.waitForSession(scene.guildId, timeoutMs);
    const { outcome } = this.tracker.track(
      { id: payload.id, token: payload.token, type, label: details.label, ...scene, sourceMessageId: details.message?.id ?? null },
      timeoutMs,
    );
    this.gateway.dispatch(scene.guildId, GatewayDispatchEvents.InteractionCreate, payload.body);
    return outcome;
  }

  private scene(input: SceneInput): InteractionScene {
    const channel = this.state.channels.get(input.channelId);
    if (channel === undefined) throw new Error(`fake Discord: unknown channel ${input.channelId}`);
    const guildId = input.guildId ?? channel.guildId;
    if (guildId !== channel.guildId) throw new Error(`fake Discord: channel ${channel.id} is not in guild ${String(guildId)}`);
    if (!this.state.users.has(input.userId)) throw new Error(`fake Discord: unknown user ${input.userId}; add them with addMember`);
    return { guildId, channelId: channel.id, userId: input.userId };
  }

  /** Discord only sends commands it knows: guild commands first, then global ones. */
  private registeredCommand(guildId: string | null, name: string): Record<string, unknown> {
    const scopes = guildId === null ? [''] : [guildId, ''];
    const candidates = scopes.flatMap((scope) => this.state.commands.get(scope) ?? []);
    const command = candidates.find((candidate) => candidate['name'] === name && candidate['type'] === 1);
    if (command !== undefined) return command;
    const known = candidates.map((candidate) => String(candidate['name'])).join(', ') || 'none';
    throw new Error(`fake Discord: /${name} is not registered (registered: ${known}); the bot or the test must register commands first`);
  }

  private messageOf(channelId: string, messageId: string): StoredMessage {
    const message = this.state.messages.get(messageId);
    if (message === undefined || message.channelId !== channelId) throw new Error(`fake Discord: no message ${messageId} in channel ${channelId}`);
    return message;
  }

  private componentOf(input: ButtonInput, isWanted: (type: number) => boolean, kind: string) {
    const message = this.messageOf(input.channelId, input.messageId);
    const component = findComponent(message, input.customId);
    if (component === undefined || !isWanted(Number(component['type']))) {
      throw new Error(`fake Discord: message ${message.id} has no ${kind} with custom_id '${input.customId}'`);
    }
    if (component['disabled'] === true) throw new Error(`fake Discord: ${kind} '${input.customId}' is disabled, a user cannot use it`);
    return { message, component };
  }
}

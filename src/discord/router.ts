import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  RepliableInteraction,
} from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { newErrorId } from '../logging/logger.js';
import { withTimeout } from '../timing/withTimeout.js';
import { createAccessCheck } from './accessCheck.js';
import { accessTable } from './catalog/accessTable.js';
import { isEphemeral, subcommandOf } from './command.js';
import type { RegisteredComponent, SlashCommand } from './command.js';
import { splitCustomId } from './customId.js';
import type { InteractionReport } from './interactionReport.js';
import type { Choice } from './invocation.js';
import type { MemberRolesOf } from './memberRoles.js';
import { componentValues, interactionName, readActor, readOptions, readResolved } from './readInteraction.js';
import type { Reply } from './reply.js';
import { Refusal } from './refusal.js';
import { answerInteraction, updateComponentMessage } from './interactionAnswer.js';
import { respondWithChoices } from './respondWithChoices.js';
import { userMessages } from './userMessages.js';

const autocompleteBudgetMilliseconds = 2_500;

export interface RouterOptions {
  commands: readonly SlashCommand[];
  components: readonly RegisteredComponent[];
  context: BotContext;
  /** Called once per handled interaction (metrics). */
  onHandled?: (report: InteractionReport) => void;
  /** The member role ids Discord sent with each interaction (watchMemberRoles); none known when unset. */
  memberRoles?: MemberRolesOf;
}

/**
 * The one place that answers interactions: finds the handler, validates input, checks who may act,
 * defers slow work, catches every error (the user gets an ephemeral message with an error id, the
 * log gets the id and the stack), and keeps count of work in flight for a clean shutdown.
 */
export function createRouter(options: RouterOptions) {
  const { context } = options;
  const rolesOf = options.memberRoles ?? (() => undefined);
  const commands = new Map(options.commands.map((command) => [command.definition.name, command]));
  const components = new Map(options.components.map((component) => [component.name, component]));
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  const declaredAccess = accessTable(options.commands, options.components);
  const access = createAccessCheck(context, (key) => declaredAccess.get(key)?.level);
  // The "interaction handled" line holds ids, names, an outcome and a time, nothing a token could be in: it skips
  // the redaction every other line goes through, ~10 µs of each interaction.
  const handledLog = context.logger.child({}, { redact: [] });

  function guildOf(interaction: Interaction): { guildId: string; channelId: string } {
    if (!interaction.guildId || !interaction.channelId) throw new Refusal(userMessages.serverOnly, 'refused');
    // A user-installed command can arrive from a server the bot was never invited to: keep nothing for it.
    if (!interaction.client.guilds.cache.has(interaction.guildId)) throw new Refusal(userMessages.notInServer, 'refused');
    return { guildId: interaction.guildId, channelId: interaction.channelId };
  }

  async function send(interaction: RepliableInteraction, reply: Reply): Promise<void> {
    await answerInteraction(interaction, reply);
    await reply.onSent?.();
  }

  async function runCommand(interaction: ChatInputCommandInteraction, key: string): Promise<void> {
    const command = commands.get(interaction.commandName);
    if (!command) throw new Refusal(userMessages.unknownCommand, 'invalid');
    const { guildId, channelId } = guildOf(interaction);
    const { subcommand, options: rawOptions } = readOptions(interaction.options.data);
    // Who may act comes first: a member who may not use a command learns nothing about its options.
    const actor = readActor(interaction, rolesOf);
    const where = { guildId, channelId };
    const declared = subcommandOf(command, { subcommand });
    const checkedLater = access.checksTargetParty(key, declared?.targetParty);
    if (checkedLater) await access.ensureHostOfSomeParty(key, actor, where);
    else await access.ensureAllowed(key, actor, where, access.channelParty(where));
    const parsed = declared?.options.safeParse(rawOptions);
    if (!declared || !parsed?.success) {
      const problems = parsed?.error?.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
      throw new Refusal(userMessages.invalidOptions(problems?.join('; ') ?? 'unknown subcommand'), 'invalid');
    }
    const invocation = {
      interactionId: interaction.id,
      guildId,
      channelId,
      actor,
      subcommand,
      options: parsed.data as Record<string, unknown>,
      resolved: readResolved(interaction.options.data),
    };
    // An unknown schedule id falls back to the channel's party: a member who may not act learns nothing about it.
    if (checkedLater) {
      await access.ensureAllowed(key, actor, where, async () => (await declared.targetParty?.(invocation, context)) ?? access.channelParty(where)());
    }
    if (declared.defer) {
      await interaction.deferReply(isEphemeral(declared, invocation.options) ? { flags: MessageFlags.Ephemeral } : {});
    }
    await send(interaction, await command.execute(invocation, context));
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    if (!command?.autocomplete || !interaction.guildId || !interaction.channelId || !interaction.client.guilds.cache.has(interaction.guildId)) {
      await respondWithChoices(interaction, []);
      return;
    }
    const focused = interaction.options.getFocused(true);
    const { subcommand, options } = readOptions(interaction.options.data);
    const work = Promise.resolve(
      command.autocomplete(
        {
          interactionId: interaction.id,
          guildId: interaction.guildId,
          channelId: interaction.channelId,
          actor: readActor(interaction, rolesOf),
          subcommand,
          options,
          focusedOption: focused.name,
          focusedValue: String(focused.value).slice(0, 100),
        },
        context,
      ),
    );
    // Discord drops an autocomplete answer after 3 s: answer with nothing rather than never.
    const choices = await withTimeout(work, autocompleteBudgetMilliseconds, (): Choice[] => []);
    await respondWithChoices(interaction, choices);
  }

  async function runComponent(interaction: ButtonInteraction | AnySelectMenuInteraction, key: string): Promise<void> {
    const { name, parts } = splitCustomId(interaction.customId);
    const run = components.get(name)?.bind(parts);
    if (!run) throw new Refusal(userMessages.staleComponent, 'invalid');
    const { guildId, channelId } = guildOf(interaction);
    const actor = readActor(interaction, rolesOf);
    const invocation = {
      interactionId: interaction.id,
      guildId,
      channelId,
      actor,
      subcommand: null,
      options: { values: componentValues(interaction) },
    };
    await access.ensureAllowed(
      key,
      actor,
      { guildId, channelId },
      async () => (await run.targetParty(invocation, context)) ?? access.channelParty({ guildId, channelId })(),
    );
    const result = await run(invocation, context);
    if (result.kind === 'update') {
      await updateComponentMessage(interaction, result.reply);
      await result.reply.onSent?.();
    } else await send(interaction, result.reply);
  }

  async function answerFailure(interaction: Interaction, error: unknown, name: string): Promise<InteractionReport['outcome']> {
    if (!interaction.isRepliable()) return 'error';
    let outcome: InteractionReport['outcome'];
    let message: string;
    if (error instanceof Refusal) {
      outcome = error.outcome;
      message = error.userMessage;
    } else {
      outcome = 'error';
      const errorId = newErrorId();
      context.logger.error({ err: error, errorId, interactionId: interaction.id, name }, 'interaction failed');
      message = userMessages.internalError(errorId);
    }
    try {
      await send(interaction, { content: message, ephemeral: true });
    } catch (replyError) {
      context.logger.warn({ err: replyError, interactionId: interaction.id }, 'could not tell the user about a failure');
    }
    return outcome;
  }

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isAutocomplete() ? 'autocomplete' : interaction.isChatInputCommand() ? 'command' : 'component';
    const name = interactionName(interaction);
    let outcome: InteractionReport['outcome'] = 'ok';
    try {
      if (!accepting && interaction.isRepliable()) throw new Refusal(userMessages.shuttingDown, 'refused');
      if (interaction.isAutocomplete()) await runAutocomplete(interaction);
      else if (interaction.isChatInputCommand()) await runCommand(interaction, name);
      else if (interaction.isMessageComponent()) await runComponent(interaction, name);
      else return;
    } catch (error) {
      if (interaction.isAutocomplete()) {
        // A refusal (the party's series cannot load) offers nothing, as a failure does, but is no bug to log.
        outcome = error instanceof Refusal ? error.outcome : 'error';
        if (outcome === 'error') context.logger.error({ err: error, interactionId: interaction.id, name }, 'autocomplete failed');
        if (!interaction.responded) await respondWithChoices(interaction, []).catch(() => undefined);
      } else {
        outcome = await answerFailure(interaction, error, name);
      }
    }
    const durationMilliseconds = performance.now() - started;
    handledLog.info(
      { interactionId: interaction.id, guildId: interaction.guildId, command: name, kind, outcome, durationMilliseconds },
      'interaction handled',
    );
    options.onHandled?.({ kind, name, outcome, durationMilliseconds });
  }

  return {
    handle(interaction: Interaction): Promise<void> {
      const work = handle(interaction).finally(() => inFlight.delete(work));
      inFlight.add(work);
      return work;
    },
    /** Stop taking new work; interactions that arrive now are told to retry. */
    stopAccepting(): void {
      accepting = false;
    },
    /** Waits for interactions in flight, at most `timeoutMilliseconds`. */
    async drain(timeoutMilliseconds: number): Promise<void> {
      const deadline = performance.now() + timeoutMilliseconds;
      // Interactions keep arriving while we wait (they are told to retry): wait for those answers too.
      while (inFlight.size > 0 && performance.now() < deadline) {
        await withTimeout(Promise.allSettled([...inFlight]), deadline - performance.now(), () => undefined);
      }
    },
  };
}

export type Router = ReturnType<typeof createRouter>;

import { characterCommand } from '../commands/character.js';
import { charactersCommand } from '../commands/characters.js';
import { recapCommand } from '../commands/recap.js';
import { seriesCommand } from '../commands/series.js';
import { partyCommand } from '../commands/party.js';
import { settingsCommand } from '../commands/settings.js';
import { watchpartyCommand } from '../commands/watchparty.js';
import { triviaAnswerButton } from '../commands/components/triviaAnswer.js';
import { episodeCommand } from '../commands/episode.js';
import { searchCommand } from '../commands/search.js';
import type { SlashCommand } from '../src/discord/command.js';
import { splitCustomId } from '../src/discord/customId.js';
import { openQuestion } from '../src/domain/trivia/index.js';
import { answerButtonId } from '../src/trivia/answerButton.js';
import { startTrivia } from '../src/trivia/startTrivia.js';
import type { HandlerWorld } from './handlerWorld.js';
import { benchGuildId } from './handlerWorld.js';
import { measureLatency } from './measure.js';
import type { LatencyFigures, RepeatedRuns } from './measure.js';
import { characterValue, pick } from './packInputs.js';
import type { PackInputs } from './packInputs.js';

/** Members answering one question before the bench moves to a fresh quiz: a busy channel. */
const membersPerQuestion = 50;

/** Every lookup command (an answer from the knowledge base), every kind of autocomplete, and the busiest button. */
export type HandlerCase =
  | 'character'
  | 'characters'
  | 'search'
  | 'episode'
  | 'recap'
  | 'series'
  | 'autocompleteCharacter'
  | 'autocompleteEpisode'
  | 'autocompleteSeries'
  | 'autocompleteTimeZone'
  | 'autocompleteParty'
  | 'autocompleteSchedule'
  | 'triviaAnswer';

const timeZonePrefixes = ['', 'Europe/L', 'america', 'Tok', 'UTC', 'Asia/K'];
const seriesPrefixes = ['', 'hero', 'mask', 'H'];

function requireAutocomplete(command: SlashCommand): NonNullable<SlashCommand['autocomplete']> {
  if (!command.autocomplete) throw new Error(`bench: /${command.definition.name} has no autocomplete`);
  return command.autocomplete;
}

/** A quiz in its own channel with its first question open, ready for clicks. */
async function openQuiz(world: HandlerWorld, quizNumber: number) {
  const { context } = world;
  const channelId = String(400000000000000000n + BigInt(quizNumber));
  const started = await startTrivia(
    { quizzes: context.quizzes, visibleQuestions: world.knowledge.visibleQuestions },
    {
      guildId: benchGuildId,
      channelId,
      starterId: world.invocation({}).actor.userId,
      progress: world.knowledge.episodeCount(),
      seriesId: 'hero-mask',
      questionCount: 5,
      secondsPerQuestion: 3600,
      scope: 'all',
      difficulty: 'any',
    },
    context.now(),
  );
  if (started.outcome !== 'started') throw new Error(`bench: could not start a quiz (${started.outcome})`);
  const quiz = await context.quizzes.save(started.quiz.quizId, openQuestion(started.quiz.state, context.now()).state);
  return { quizId: quiz.quizId, channelId };
}

/**
 * In-process cost of each handler (domain, SQLite, rendering; no Discord, no network): the command's own
 * `execute` or `autocomplete` with a plain Invocation, and the answer button's `parse` + `execute`.
 */
export async function measureHandlerCosts(world: HandlerWorld, inputs: PackInputs, repeats: RepeatedRuns): Promise<Record<HandlerCase, LatencyFigures>> {
  const { context } = world;
  const episodes = world.knowledge.episodeCount();
  const autocompleteCharacter = requireAutocomplete(characterCommand);
  const autocompleteEpisode = requireAutocomplete(episodeCommand);
  const autocompleteSettings = requireAutocomplete(settingsCommand);
  const autocompleteParty = requireAutocomplete(partyCommand);
  const autocompleteWatchparty = requireAutocomplete(watchpartyCommand);

  let quiz = await openQuiz(world, 0);
  const click = async (iteration: number) => {
    const position = iteration % membersPerQuestion;
    if (position === 0) quiz = await openQuiz(world, iteration);
    const { parts } = splitCustomId(answerButtonId(quiz.quizId, 0, iteration % 4));
    return { parts, invocation: { ...world.invocation({ values: [] }, iteration), channelId: quiz.channelId } };
  };

  return {
    character: await measureLatency(repeats, (i) => world.invocation({ name: characterValue(inputs, i) }), (invocation) =>
      characterCommand.execute(invocation, context),
    ),
    characters: await measureLatency(repeats, () => world.invocation({}), (invocation) => charactersCommand.execute(invocation, context)),
    search: await measureLatency(repeats, (i) => world.invocation({ query: pick(inputs.words, i) }), (invocation) =>
      searchCommand.execute(invocation, context),
    ),
    episode: await measureLatency(repeats, (i) => world.invocation({ number: (i % episodes) + 1 }), (invocation) =>
      episodeCommand.execute(invocation, context),
    ),
    recap: await measureLatency(repeats, (i) => world.invocation({ episodes: (i % 3) + 1 }), (invocation) => recapCommand.execute(invocation, context)),
    series: await measureLatency(repeats, () => world.invocation({}), (invocation) => seriesCommand.execute(invocation, context)),
    autocompleteCharacter: await measureLatency(repeats, (i) => world.autocompleteInvocation('name', pick(inputs.prefixes, i)), (invocation) =>
      autocompleteCharacter(invocation, context),
    ),
    autocompleteEpisode: await measureLatency(repeats, (i) => world.autocompleteInvocation('number', i % 3 === 0 ? '' : String(i % 30)), (invocation) =>
      autocompleteEpisode(invocation, context),
    ),
    autocompleteSeries: await measureLatency(repeats, (i) => world.autocompleteInvocation('series', pick(seriesPrefixes, i)), (invocation) =>
      autocompleteSettings(invocation, context),
    ),
    autocompleteTimeZone: await measureLatency(repeats, (i) => world.autocompleteInvocation('timezone', pick(timeZonePrefixes, i)), (invocation) =>
      autocompleteSettings(invocation, context),
    ),
    autocompleteParty: await measureLatency(repeats, (i) => ({ ...world.autocompleteInvocation('name', i % 2 ? '' : 'bench'), subcommand: 'series' }), (invocation) =>
      autocompleteParty(invocation, context),
    ),
    autocompleteSchedule: await measureLatency(repeats, () => ({ ...world.autocompleteInvocation('id', ''), subcommand: 'cancel' }), (invocation) =>
      autocompleteWatchparty(invocation, context),
    ),
    triviaAnswer: await measureLatency(repeats, click, ({ parts, invocation }) => {
      const run = triviaAnswerButton.bind(parts);
      if (!run) throw new Error(`the trivia button refused its own custom id ${parts.join(':')}`);
      return run(invocation as never, context);
    }),
  };
}

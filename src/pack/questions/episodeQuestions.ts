import type { PackView } from './packView.js';
import type { QuestionDraft } from './questionDraft.js';

const plotCategories = new Set(['plot', 'death', 'twist', 'identity', 'relationship']);

/** "In which episode does this happen?" for each plot fact pinned to an episode. */
export function episodeFactQuestions(view: PackView): QuestionDraft[] {
  const episodeNumbers = view.pack.episodes.map((episode) => episode.absolute);
  return view.pack.episodes.flatMap((episode) =>
    episode.facts
      .filter((fact) => plotCategories.has(fact.category))
      .map((fact, index) => ({
        key: `episode-fact-${episode.absolute}-${index + 1}`,
        prompt: `In which episode does this happen? ${fact.text}`,
        answer: `Episode ${episode.absolute}`,
        // Any episode number is safe to show; nearby ones make the better guesses.
        candidates: episodeNumbers
          .filter((number) => Math.abs(number - episode.absolute) <= 4)
          .map((number) => ({ text: `Episode ${number}`, revealedIn: 0 })),
        explanation: `This happens in ${view.episodeLabel(episode.absolute).toLowerCase()}.`,
        difficulty: 'hard',
        aboutEpisode: episode.absolute,
        revealedIn: fact.revealedIn,
        source: fact.source,
      })),
  );
}

import type { PackView } from './packView.js';
import { neighbourEpisodeCandidates } from './pickDistractors.js';
import type { QuestionDraft } from './questionDraft.js';

const plotCategories = new Set(['plot', 'death', 'twist', 'identity', 'relationship']);

/** "In which episode does this happen?" for each plot fact pinned to an episode. */
export function episodeFactQuestions(view: PackView): QuestionDraft[] {
  return view.pack.episodes.flatMap((episode) =>
    episode.facts
      .filter((fact) => plotCategories.has(fact.category))
      .map((fact, index) => ({
        key: `episode-fact-${episode.absolute}-${index + 1}`,
        prompt: `In which episode does this happen? ${fact.text}`,
        answer: `Episode ${episode.absolute}`,
        candidates: neighbourEpisodeCandidates(`${episode.absolute}-${index}`, episode.absolute, view.pack.episodes.length),
        explanation: `This happens in ${view.episodeLabel(episode.absolute).toLowerCase()}.`,
        difficulty: 'hard',
        aboutEpisode: episode.absolute,
        revealedIn: fact.revealedIn,
        source: fact.source,
      })),
  );
}

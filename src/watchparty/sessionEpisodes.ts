import { shortEpisodeLabel } from '../domain/episodeLabels.js';
import { episodesCovered } from '../domain/watchparty/session.js';
import type { EpisodeRange } from '../domain/watchparty/session.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';

/**
 * The episodes a session covers when the party stands at `progress` and `sessionsAhead` sessions come
 * before it (each watching `episodes`), clamped to the series; null once the series is finished.
 */
export function plannedEpisodes(
  knowledge: KnowledgeRepository,
  progress: number,
  episodes: number,
  sessionsAhead = 0,
): EpisodeRange | null {
  return episodesCovered(progress + sessionsAhead * episodes, episodes, knowledge.episodeCount());
}

/**
 * `episode 3 (S1E3)` or `episodes 3–4 (S1E3–S1E4)`. A title is added only where the spoiler gate lets it
 * through at `progress`, so a reminder never names an episode the party has not reached.
 */
export function describeEpisodes(range: EpisodeRange, knowledge: KnowledgeRepository, progress: number): string {
  const seasons = knowledge.seasons();
  const labelOf = (absolute: number) => {
    const title = knowledge.episode(absolute, progress)?.title;
    return title ? `${shortEpisodeLabel(absolute, seasons)} “${title}”` : shortEpisodeLabel(absolute, seasons);
  };
  if (range.first === range.last) return `episode ${range.first} (${labelOf(range.first)})`;
  return `episodes ${range.first}–${range.last} (${labelOf(range.first)} to ${labelOf(range.last)})`;
}

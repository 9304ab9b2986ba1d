export interface SeasonShape {
  number: number;
  episodeCount: number;
  firstAbsolute: number;
}

export interface EpisodePosition {
  absolute: number;
  season: number;
  numberInSeason: number;
}

/** Where an absolute episode sits in its season; undefined outside the series. */
export function positionOf(absolute: number, seasons: readonly SeasonShape[]): EpisodePosition | undefined {
  const season = seasons.find(
    (candidate) => absolute >= candidate.firstAbsolute && absolute < candidate.firstAbsolute + candidate.episodeCount,
  );
  if (!season) return undefined;
  return { absolute, season: season.number, numberInSeason: absolute - season.firstAbsolute + 1 };
}

/** A pack lists its specials as season 0, where they are watched. */
export const specialsSeason = 0;

/** "Season 2 (Harvest)", or the specials by their own label ("Specials"). */
export function seasonName(season: { number: number; label: string }): string {
  return season.number === specialsSeason ? season.label : `Season ${season.number} (${season.label})`;
}

/** "S2E3", "Special 1", or "not started" for progress 0. */
export function shortEpisodeLabel(absolute: number, seasons: readonly SeasonShape[]): string {
  if (absolute === 0) return 'not started';
  const position = positionOf(absolute, seasons);
  if (!position) return `episode ${absolute}`;
  return position.season === specialsSeason ? `Special ${position.numberInSeason}` : `S${position.season}E${position.numberInSeason}`;
}

/** "S1E3 · episode 3", as autocomplete shows episodes. */
export function longEpisodeLabel(absolute: number, seasons: readonly SeasonShape[]): string {
  if (absolute === 0) return 'Not started · episode 0';
  return `${shortEpisodeLabel(absolute, seasons)} · episode ${absolute}`;
}

/** The footer every gated answer carries. */
export function safeUpToLabel(progress: number, seasons: readonly SeasonShape[]): string {
  return progress === 0 ? 'Safe before episode 1' : `Safe up to ${shortEpisodeLabel(progress, seasons)}`;
}

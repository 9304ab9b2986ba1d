import type { CheckContext } from './checkContext.js';
import type { PackItem } from './packItems.js';
import { listPackItems } from './packItems.js';
import type { Pack } from './packSchema.js';

/** Categories that may name a later season from the start: its release is announced, not watched. */
const releaseCategories = new Set(['release', 'broadcast', 'licensing']);

const seasonMention = /\bseason (\d+)\b|\b(second|third) season\b|\bpart (ii|iii)\b|\bs(\d+)e\d+\b/gi;
const seasonWords: Record<string, number> = { second: 2, third: 3, ii: 2, iii: 3 };

/**
 * Stamp rules that hold for any pack, beyond "not before what it depends on":
 * - what speaks of season N (its production, a review of it, its plot) waits for the end of season N-1;
 * - a review's verdict is never shown before episode 1: it discusses episodes, so it is stamped at the
 *   end of what it discusses;
 * - a gender cites a declared source like any other item.
 */
export function crossCheckStampRules(pack: Pack, context: CheckContext): void {
  const lastEpisodeOfSeason = seasonEnds(pack);
  for (const item of listPackItems(pack)) {
    if (item.kind === 'gender') context.checkSource(item.file, [...item.path, 'source'], item.source);
    const latestSeason = latestSeasonMentioned(item, lastEpisodeOfSeason.length);
    const earliest = latestSeason > 1 ? (lastEpisodeOfSeason[latestSeason - 2] ?? 0) : 0;
    if (item.revealedIn < earliest) {
      context.report(item.file, [...item.path, 'revealedIn'], `speaks of season ${latestSeason}, so it waits for the end of season ${latestSeason - 1} (${earliest}), not ${item.revealedIn}`);
    }
    if (item.category === 'reception' && item.revealedIn < 1) {
      context.report(item.file, [...item.path, 'revealedIn'], 'a review is stamped at the end of what it discusses, never before episode 1');
    }
  }
}

/** The season a text speaks of (the latest, capped at the pack's last season), or 0. */
function latestSeasonMentioned(item: PackItem, seasonCount: number): number {
  if (item.kind !== 'fact' && item.kind !== 'role' && item.kind !== 'affiliation') return 0;
  if (item.category !== undefined && releaseCategories.has(item.category)) return 0;
  const seasons = [...item.text.matchAll(seasonMention)].map((match) => {
    const spelled = (match[2] ?? match[3])?.toLowerCase();
    return spelled ? (seasonWords[spelled] ?? 0) : Number(match[1] ?? match[4]);
  });
  return Math.min(seasonCount, Math.max(0, ...seasons));
}

function seasonEnds(pack: Pack): number[] {
  let last = 0;
  return pack.series.seasons.map((season) => (last += season.episodeCount));
}

import { decideMatch } from '../text/confidentMatch.js';
import type { MatchDecision, ScoredMatch } from '../text/confidentMatch.js';

/**
 * IANA time zone names: validation for user input and ranked suggestions for Discord autocomplete.
 */

const startsWithLetter = /^[A-Za-z]/;

/**
 * The canonical spelling of a named time zone (`europe/london` -> `Europe/London`, `US/Eastern` ->
 * `America/New_York`), or null when it is not a zone this runtime knows.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  // Newer ICU versions also accept bare offsets like `+01:00`; those cannot follow daylight saving, so refuse them.
  if (!startsWithLetter.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

let knownZones: readonly string[] | undefined;

/** Every canonical zone name, plus `UTC`, which Node's list leaves out. */
function allTimeZones(): readonly string[] {
  knownZones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return knownZones;
}

/** Lower case, with spaces and underscores treated alike so `new york` finds `America/New_York`. */
function searchable(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '_');
}

function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1);
}

const matchRanks = [
  (zone: string, query: string) => zone === query,
  (zone: string, query: string) => zone.startsWith(query),
  (zone: string, query: string) => cityOf(zone).startsWith(query),
  (zone: string, query: string) => zone.includes(query),
];

function rankOf(zone: string, query: string): number | null {
  const rank = matchRanks.findIndex((matches) => matches(searchable(zone), query));
  return rank === -1 ? null : rank;
}

/** Zone names matching `query` with a score per rank (exact 100, name prefix 80, city prefix 60, anywhere 40). */
function rankTimeZones(query: string): Array<ScoredMatch<string>> {
  const wanted = searchable(query);
  return allTimeZones()
    .flatMap((zone) => {
      const rank = rankOf(zone, wanted);
      return rank === null ? [] : [{ value: zone, score: 100 - rank * 20 }];
    })
    .sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
}

/**
 * Zone names matching `query`, best first: exact name, then name prefix (`europe/l`), then city prefix
 * (`lon`, `new york`), then anywhere in the name (`york`). Alphabetical within each rank.
 */
export function suggestTimeZones(query: string, limit = 25): string[] {
  return rankTimeZones(query)
    .slice(0, limit)
    .map(({ value }) => value);
}

/**
 * The zone a typed name means, ranked as autocomplete ranks it: a zone name (`europe/berlin`), or one
 * confident match (`berlin` -> Europe/Berlin); otherwise the candidates, or none.
 */
export function resolveTimeZone(typed: string): MatchDecision<string> {
  const zone = canonicalTimeZone(typed);
  if (zone !== null) return { kind: 'one', value: zone };
  return searchable(typed) === '' ? { kind: 'none' } : decideMatch(rankTimeZones(typed));
}

/** Why a typed zone was not taken, and what to type instead: the candidates it fits, or an example. */
export function timeZoneRefusal(typed: string, decision: Exclude<MatchDecision<string>, { kind: 'one' }>): string {
  if (decision.kind === 'several') {
    return `Which time zone do you mean: ${decision.candidates.map((zone) => `\`${zone}\``).join(', ')}? Pick one from the list as you type.`;
  }
  return `I don't know the time zone \`${typed.replaceAll('`', "'")}\`. Pick one from the list, like \`Europe/London\`.`;
}

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

/** Lower case, with spaces and underscores treated alike so `new york` finds `America/New_York`. */
function searchable(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '_');
}

function cityOf(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1);
}

interface KnownZone {
  name: string;
  /** The name and its last part as searchable() makes them: worked out once, not on every keystroke. */
  searchable: string;
  city: string;
}

let knownZones: readonly KnownZone[] | undefined;

/** Every canonical zone name, plus `UTC`, which Node's list leaves out, in alphabetical order. */
function allTimeZones(): readonly KnownZone[] {
  knownZones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, searchable: searchable(name), city: searchable(cityOf(name)) }));
  return knownZones;
}

const matchRanks = [
  (zone: KnownZone, query: string) => zone.searchable === query,
  (zone: KnownZone, query: string) => zone.searchable.startsWith(query),
  (zone: KnownZone, query: string) => zone.city.startsWith(query),
  (zone: KnownZone, query: string) => zone.searchable.includes(query),
];

/**
 * Zone names matching `query` with a score per rank (exact 100, name prefix 80, city prefix 60, anywhere 40),
 * alphabetical within a rank (the sort is stable).
 */
function rankTimeZones(query: string): Array<ScoredMatch<string>> {
  const wanted = searchable(query);
  const matches: Array<ScoredMatch<string>> = [];
  for (const zone of allTimeZones()) {
    const rank = matchRanks.findIndex((matchesRank) => matchesRank(zone, wanted));
    if (rank !== -1) matches.push({ value: zone.name, score: 100 - rank * 20 });
  }
  return matches.sort((a, b) => b.score - a.score);
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

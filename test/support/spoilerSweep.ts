import type { Database } from 'better-sqlite3';
import { createMentionFinder } from '../../src/pack/findMentions.js';
import { normalizeName } from '../../src/pack/normalizeName.js';

/** A string from the compiled pack and the episode after which it may first be shown. */
export interface StampedText {
  text: string;
  revealedIn: number;
  /** Where it comes from, for a readable failure: "name of grimm", "fact 12". */
  origin: string;
}

/** Words a fact is searched by in the sweep: its longest word, at least this long. */
const shortestSearchWord = 6;
/** A fact's opening words are checked on their own too, so a shortened fact still counts as shown. */
const openingWords = 6;

const stampedQueries = [
  `SELECT n.name AS text, MAX(n.revealed_in, e.revealed_in) AS revealedIn, 'name of ' || e.id AS origin
   FROM kb.entity_names n JOIN kb.entities e ON e.id = n.entity_id`,
  `SELECT v.actor AS text, MAX(v.revealed_in, e.revealed_in) AS revealedIn, 'voice actor of ' || e.id AS origin
   FROM kb.voice_actors v JOIN kb.entities e ON e.id = v.entity_id`,
  `SELECT a.value AS text, MAX(a.revealed_in, e.revealed_in) AS revealedIn, a.attribute || ' of ' || e.id AS origin
   FROM kb.entity_attributes a JOIN kb.entities e ON e.id = a.entity_id`,
  `SELECT f.text AS text, MAX(f.revealed_in, COALESCE(e.revealed_in, 0)) AS revealedIn, 'fact ' || f.id AS origin
   FROM kb.facts f LEFT JOIN kb.entities e ON e.id = f.entity_id`,
  `SELECT title AS text, title_revealed_in AS revealedIn, 'title of episode ' || absolute AS origin FROM kb.episodes WHERE title IS NOT NULL`,
];

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Parts of a stamped text that would be a leak on their own: "Yasuyuki Kase" and "加瀬康之" of "Yasuyuki Kase (加瀬康之)", a fact's opening. */
function partsOf(stamped: StampedText): StampedText[] {
  const parts = [stamped];
  const bracketed = stamped.origin.startsWith('voice actor') ? /^(.+?)\s*\((.+)\)$/.exec(stamped.text) : null;
  if (bracketed?.[1] && bracketed[2]) parts.push({ ...stamped, text: bracketed[1] }, { ...stamped, text: bracketed[2] });
  const words = stamped.text.split(/\s+/);
  if (stamped.origin.startsWith('fact') && words.length > openingWords * 2) parts.push({ ...stamped, text: words.slice(0, openingWords).join(' ') });
  return parts;
}

/**
 * Every stamped string of the compiled pack (`kb` attached to `database`), read straight from the
 * tables, not through the gated queries under test. A string counts from the later of its own
 * stamp and its entity's. One-word attribute values ("head", "CEO") are left out: as common words
 * they are not spoilers on their own.
 */
export function stampedTexts(database: Database): StampedText[] {
  const isAttribute = (row: StampedText) => /^(role|affiliation) of /.test(row.origin);
  return stampedQueries
    .flatMap((sql) => database.prepare(sql).all() as StampedText[])
    .filter((row) => !isAttribute(row) || wordsOf(row.text).length > 1)
    .flatMap(partsOf);
}

/** What the bot may say at any progress without a stamp: the series overview, season labels, the title. */
export function neverSpoilingTexts(database: Database): string[] {
  const meta = database.prepare("SELECT value FROM kb.pack_meta WHERE key IN ('title', 'series')").pluck().all() as string[];
  const seasons = database.prepare('SELECT label FROM kb.seasons').pluck().all() as string[];
  return [...meta, ...seasons];
}

/**
 * The strings that must not appear in anything shown at `progress`: stamped later, and not also
 * part of something legitimately visible now (a surname or a first name shared with a visible
 * character, a phrase inside a visible fact).
 */
export function forbiddenAt(texts: readonly StampedText[], alwaysVisible: readonly string[], progress: number): StampedText[] {
  const visible = [...texts.filter((stamped) => stamped.revealedIn <= progress).map((stamped) => stamped.text), ...alwaysVisible];
  const later = texts.filter((stamped) => stamped.revealedIn > progress);
  const findInVisible = createMentionFinder(later.map((stamped, index) => ({ name: stamped.text, revealedIn: stamped.revealedIn, entityId: String(index) })));
  const sharedWithVisible = new Set(visible.flatMap((text) => findInVisible(text).map((mention) => Number(mention.entityId))));
  return later.filter((_, index) => !sharedWithVisible.has(index));
}

/** Finds the forbidden strings a shown text contains (whole words, case and accents ignored). */
export function createLeakFinder(forbidden: readonly StampedText[]): (shown: string) => StampedText[] {
  const find = createMentionFinder(forbidden.map((stamped, index) => ({ name: stamped.text, revealedIn: stamped.revealedIn, entityId: String(index) })));
  return (shown) => find(shown).map((mention) => forbidden[Number(mention.entityId)] as StampedText);
}

/** What the sweep types, generated from the pack so every name and many words are tried. */
export interface SweepInputs {
  /** Every name in the pack. */
  names: string[];
  /** Every entity id (what autocomplete sends as the chosen value). */
  entityIds: string[];
  /** The longest word of every fact, for /search. */
  factWords: string[];
  /** What members type into a name box: two-letter starts of every name word. */
  shortPrefixes: string[];
  /** Three-letter starts of every name word, and every name with a typo. */
  longerPrefixes: string[];
}

export function sweepInputs(database: Database): SweepInputs {
  const names = database.prepare('SELECT name FROM kb.entity_names').pluck().all() as string[];
  const ids = database.prepare('SELECT id FROM kb.entities').pluck().all() as string[];
  const facts = database.prepare('SELECT text FROM kb.facts').pluck().all() as string[];
  const factWords = facts.flatMap((text) => {
    const longest = wordsOf(text).sort((left, right) => right.length - left.length || left.localeCompare(right))[0];
    return longest && longest.length >= shortestSearchWord ? [longest] : [];
  });
  const starts = (length: number) => names.flatMap((name) => wordsOf(name).map((word) => word.slice(0, length)));
  // A typo: the second character dropped ("Jmes Blood").
  const typos = names.filter((name) => name.length >= 5).map((name) => name.slice(0, 1) + name.slice(2));
  const unique = (values: string[]) => [...new Map(values.map((value) => [normalizeName(value), value])).values()];
  const shortPrefixes = unique(starts(2));
  const known = new Set(shortPrefixes.map(normalizeName));
  return {
    names: unique(names),
    entityIds: ids,
    factWords: unique(factWords),
    shortPrefixes,
    longerPrefixes: unique([...starts(3), ...typos]).filter((prefix) => !known.has(normalizeName(prefix))),
  };
}

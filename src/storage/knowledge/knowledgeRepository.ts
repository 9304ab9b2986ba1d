import type { Database } from 'better-sqlite3';
import { prepareKnowledgeStatements } from './knowledgeStatements.js';
import { currentNamesById } from '../../domain/entityNames.js';
import { rankNames } from '../../domain/text/rankNames.js';
import { recentlyUsed } from '../../domain/recentlyUsed.js';
import { correctTerm, searchTerms, toMatchExpression } from '../../domain/text/searchQuery.js';
import type {
  CharacterSummary,
  EntityAttribute,
  EntityCard,
  EntityMatch,
  EntityName,
  EpisodeView,
  Fact,
  Question,
  SearchHit,
  Season,
} from '../../domain/knowledge.js';

/** How many search rows are read for each hit wanted, since one entity's rows collapse into one hit. */
const searchRowsPerHit = 4;

/** A search row as stored: another spelling of a name is its own kind, shown as the entity's name. */
type SearchRow = Omit<SearchHit, 'rowKind'> & { rowKind: SearchHit['rowKind'] | 'spelling' };

/** The best-ranked row of each entity (its name or one of its facts); series and episode facts all stay. */
function onePerEntity(rows: readonly SearchRow[]): SearchRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (row.entityId === null) return true;
    if (seen.has(row.entityId)) return false;
    seen.add(row.entityId);
    return true;
  });
}

/** Scores at or above this pick one entity for a typed name (prefix of a word or better). */
const confidentMatchScore = 80;

/** Everything about the names visible at one progress that lookups and autocomplete ask for on every keystroke. */
interface NamesAt {
  names: EntityName[];
  /** Each entity's current name. */
  currentNames: ReadonlyMap<string, string>;
  kinds: ReadonlyMap<string, string>;
  /** The names as name-ranking candidates, keyed by entity. */
  candidates: Array<EntityName & { key: string }>;
}

/**
 * Read access to the compiled knowledge pack (attached as `kb`). Every query that can return
 * something that spoils takes the progress and filters with the SQL spoiler gate `is_visible_at`.
 */
export function createKnowledgeRepository(database: Database) {
  const statements = prepareKnowledgeStatements(database);

  // The pack is read-only while the bot runs, so what depends only on progress is computed once.
  const seasons = statements.seasons.all() as Season[];
  const namesByProgress = new Map<number, NamesAt>();
  const charactersByProgress = new Map<number, CharacterSummary[]>();
  // Only episodes and entities that exist are kept: at most each of them at every progress.
  const episodesByKey = new Map<string, EpisodeView>();
  const cardsByKey = new Map<string, EntityCard>();
  // Names typed into autocomplete come again (each keystroke's prefix, members of one party looking up the same
  // people), and ranking every visible name against one costs 30 to 40 µs.
  const matchesByQuery = recentlyUsed<readonly EntityMatch[]>(256);
  let vocabulary: string[] | undefined;

  function namesAt(progress: number): NamesAt {
    let known = namesByProgress.get(progress);
    if (!known) {
      const names = statements.visibleNames.all({ progress }) as EntityName[];
      known = {
        names,
        currentNames: currentNamesById(names),
        kinds: new Map(names.map((name) => [name.entityId, name.kind])),
        candidates: names.map((name) => ({ ...name, key: name.entityId })),
      };
      namesByProgress.set(progress, known);
    }
    return known;
  }

  function findEntities(
    query: string,
    progress: number,
    options: { kinds?: readonly string[]; limit?: number } = {},
  ): readonly EntityMatch[] {
    const limit = options.limit ?? 25;
    return matchesByQuery(`${progress} ${limit} ${options.kinds?.join(',') ?? ''} ${query}`, () => rankEntities(query, progress, options.kinds, limit));
  }

  function rankEntities(query: string, progress: number, kinds: readonly string[] | undefined, limit: number): readonly EntityMatch[] {
    const { candidates: all } = namesAt(progress);
    const candidates = kinds ? all.filter((name) => kinds.includes(name.kind)) : all;
    const matches = rankNames(query, candidates, limit).map(({ candidate, score }) =>
      Object.freeze({
        entityId: candidate.entityId,
        kind: candidate.kind,
        name: candidate.primaryName,
        // A match on another spelling is shown under the entity's own name, never the spelling.
        matchedName: candidate.nameKind === 'also-spelled' ? currentName(candidate.entityId, progress, candidate.primaryName) : candidate.name,
        score,
      }),
    );
    return Object.freeze(matches);
  }

  function currentName(id: string, progress: number, fallback: string): string {
    return (statements.currentName.get({ id, progress }) as string | undefined) ?? fallback;
  }

  function entityCard(id: string, progress: number): EntityCard | null {
    const key = `${id}:${progress}`;
    const known = cardsByKey.get(key);
    if (known) return known;
    const card = readEntityCard(id, progress);
    if (card) cardsByKey.set(key, card);
    return card;
  }

  function readEntityCard(id: string, progress: number): EntityCard | null {
    const entity = statements.entity.get({ id, progress }) as
      | { id: string; kind: string; name: string; named: number; firstAppearance: number | null }
      | undefined;
    if (!entity) return null;
    const attributes = statements.entityAttributes.all({ id, progress }) as EntityAttribute[];
    return {
      ...entity,
      name: currentName(id, progress, entity.name),
      named: entity.named === 1,
      names: statements.entityNames.all({ id, progress }) as EntityCard['names'],
      roles: attributes.filter((attribute) => attribute.attribute === 'role'),
      affiliations: attributes.filter((attribute) => attribute.attribute === 'affiliation'),
      voiceActors: statements.voiceActors.all({ id, progress }) as EntityCard['voiceActors'],
      facts: statements.entityFacts.all({ id, progress }) as Fact[],
    };
  }

  /** The entity a user meant by what they typed (an autocomplete value is an id), or null. */
  function resolveEntity(typed: string, progress: number, kinds?: readonly string[]): EntityCard | null {
    const byId = entityCard(typed, progress);
    if (byId && (!kinds || kinds.includes(byId.kind))) return byId;
    const [best] = findEntities(typed, progress, { kinds, limit: 1 });
    return best && best.score >= confidentMatchScore ? entityCard(best.entityId, progress) : null;
  }

  function charactersMet(progress: number): CharacterSummary[] {
    let met = charactersByProgress.get(progress);
    if (!met) {
      met = readCharactersMet(progress);
      charactersByProgress.set(progress, met);
    }
    // A copy: callers sort it.
    return [...met];
  }

  function readCharactersMet(progress: number): CharacterSummary[] {
    const characters = statements.characters.all({ progress }) as Array<Omit<CharacterSummary, 'role' | 'affiliation'>>;
    return characters.map((character) => ({
      ...character,
      name: currentName(character.id, progress, character.name),
      role: (statements.latestAttribute.get({ id: character.id, attribute: 'role', progress }) as string) ?? null,
      affiliation:
        (statements.latestAttribute.get({ id: character.id, attribute: 'affiliation', progress }) as string) ?? null,
    }));
  }

  function episode(absolute: number, progress: number): EpisodeView | null {
    const key = `${absolute}:${progress}`;
    const known = episodesByKey.get(key);
    if (known) return known;
    const row = statements.episode.get({ absolute, progress }) as Omit<EpisodeView, 'facts'> | undefined;
    if (!row) return null;
    const view = { ...row, facts: statements.episodeFacts.all({ absolute, progress }) as Fact[] };
    episodesByKey.set(key, view);
    return view;
  }

  function search(query: string, progress: number, limit = 50): SearchHit[] {
    vocabulary ??= statements.vocabulary.all() as string[];
    const known = vocabulary;
    const terms = searchTerms(query).map((term) => correctTerm(term, known));
    if (terms.length === 0) return [];
    // Rows beyond the limit are read because several rows of one entity collapse into one hit.
    const run = (joiner: 'AND' | 'OR') =>
      statements.search.all({ match: toMatchExpression(terms, joiner), progress, limit: limit * searchRowsPerHit }) as SearchRow[];
    const everyTerm = run('AND');
    const rows = everyTerm.length > 0 || terms.length === 1 ? everyTerm : run('OR');
    return onePerEntity(rows)
      .slice(0, limit)
      .map((row): SearchHit => {
        if (row.rowKind !== 'spelling') return { ...row, rowKind: row.rowKind };
        return { ...row, rowKind: 'name', text: currentName(row.entityId ?? '', progress, row.entityName ?? '') };
      });
  }

  function visibleQuestions(progress: number): Question[] {
    const rows = statements.questions.all({ progress }) as Array<Omit<Question, 'distractors'> & { distractors: string }>;
    return rows.map((row) => ({ ...row, distractors: JSON.parse(row.distractors) as Question['distractors'] }));
  }

  return {
    meta: (key: string) => statements.meta.get(key) as string | undefined,
    seasons: () => seasons,
    episodeCount: () => seasons.reduce((total, season) => total + season.episodeCount, 0),
    visibleNames: (progress: number): readonly EntityName[] => namesAt(progress).names,
    /** Each visible entity's current name, by id. */
    currentNames: (progress: number) => namesAt(progress).currentNames,
    /** Each visible entity's kind (character, organisation, ...), by id. */
    entityKinds: (progress: number) => namesAt(progress).kinds,
    findEntities,
    entityCard,
    resolveEntity,
    charactersMet,
    seriesFacts: (progress: number) => statements.seriesFacts.all({ progress }) as Fact[],
    episode,
    factsBetweenEpisodes: (from: number, to: number, progress: number) =>
      statements.factsBetweenEpisodes.all({ from, to, progress }) as Fact[],
    search,
    visibleQuestions,
  };
}

export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;

import type { Database } from 'better-sqlite3';
import { rankNames } from '../../domain/text/rankNames.js';
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

const factColumns = 'id, category, text, episode, revealed_in AS revealedIn, source';

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

/**
 * Read access to the compiled knowledge pack (attached as `kb`). Every query that can return
 * something that spoils takes the progress and filters with the SQL spoiler gate `is_visible_at`.
 */
export function createKnowledgeRepository(database: Database) {
  const statements = {
    meta: database.prepare('SELECT value FROM kb.pack_meta WHERE key = ?').pluck(),
    seasons: database.prepare(
      `SELECT number, label, episode_count AS episodeCount, first_absolute AS firstAbsolute, release_date AS releaseDate
       FROM kb.seasons ORDER BY number`,
    ),
    visibleNames: database.prepare(
      `SELECT n.entity_id AS entityId, e.kind, n.name, n.name_kind AS nameKind, e.name AS primaryName, n.revealed_in AS revealedIn
       FROM kb.entity_names n JOIN kb.entities e ON e.id = n.entity_id
       WHERE is_visible_at(n.revealed_in, @progress) AND is_visible_at(e.revealed_in, @progress)
       ORDER BY e.id, n.rowid`,
    ),
    entity: database.prepare(
      `SELECT id, kind, name, named, first_appearance AS firstAppearance
       FROM kb.entities WHERE id = @id AND is_visible_at(revealed_in, @progress)`,
    ),
    // A name can grow as the story reveals it ("Fred", later "Fred Faraday"): show the newest visible one.
    currentName: database.prepare(
      `SELECT name FROM kb.entity_names
       WHERE entity_id = @id AND name_kind = 'primary' AND is_visible_at(revealed_in, @progress)
       ORDER BY revealed_in DESC, rowid DESC LIMIT 1`,
    ).pluck(),
    // Other spellings are for finding an entity, not names it goes by: a card never lists them.
    entityNames: database.prepare(
      `SELECT name, name_kind AS nameKind FROM kb.entity_names
       WHERE entity_id = @id AND name_kind != 'also-spelled' AND is_visible_at(revealed_in, @progress)
       ORDER BY revealed_in, rowid`,
    ),
    entityAttributes: database.prepare(
      `SELECT attribute, value, target_entity_id AS targetEntityId, revealed_in AS revealedIn
       FROM kb.entity_attributes
       WHERE entity_id = @id AND is_visible_at(revealed_in, @progress) ORDER BY revealed_in, rowid`,
    ),
    voiceActors: database.prepare(
      `SELECT dub, actor FROM kb.voice_actors
       WHERE entity_id = @id AND is_visible_at(revealed_in, @progress) ORDER BY rowid`,
    ),
    entityFacts: database.prepare(
      `SELECT ${factColumns} FROM kb.facts
       WHERE entity_id = @id AND is_visible_at(revealed_in, @progress) ORDER BY revealed_in, id`,
    ),
    characters: database.prepare(
      `SELECT id, name, first_appearance AS firstAppearance FROM kb.entities
       WHERE kind = 'character' AND is_visible_at(revealed_in, @progress) ORDER BY first_appearance, name`,
    ),
    latestAttribute: database.prepare(
      `SELECT value FROM kb.entity_attributes
       WHERE entity_id = @id AND attribute = @attribute AND is_visible_at(revealed_in, @progress)
       ORDER BY revealed_in DESC, rowid DESC LIMIT 1`,
    ).pluck(),
    seriesFacts: database.prepare(
      `SELECT ${factColumns} FROM kb.facts
       WHERE subject = 'series' AND is_visible_at(revealed_in, @progress) ORDER BY revealed_in, id`,
    ),
    episode: database.prepare(
      `SELECT absolute, season, number_in_season AS numberInSeason, release_date AS releaseDate,
              CASE WHEN is_visible_at(title_revealed_in, @progress) THEN title END AS title
       FROM kb.episodes WHERE absolute = @absolute`,
    ),
    episodeFacts: database.prepare(
      `SELECT ${factColumns} FROM kb.facts
       WHERE episode = @absolute AND is_visible_at(revealed_in, @progress) ORDER BY id`,
    ),
    factsBetweenEpisodes: database.prepare(
      `SELECT ${factColumns} FROM kb.facts
       WHERE episode BETWEEN @from AND @to AND is_visible_at(revealed_in, @progress) ORDER BY episode, id`,
    ),
    vocabulary: database.prepare('SELECT term FROM kb.search_vocabulary').pluck(),
    search: database.prepare(
      `SELECT r.row_kind AS rowKind, r.entity_id AS entityId, e.name AS entityName, s.text AS text, f.episode AS episode
       FROM kb.search_text s
       JOIN kb.search_rows r ON r.rowid = s.rowid
       LEFT JOIN kb.entities e ON e.id = r.entity_id
       LEFT JOIN kb.facts f ON f.id = r.fact_id
       WHERE s.search_text MATCH @match AND is_visible_at(r.revealed_in, @progress)
         AND (e.id IS NULL OR is_visible_at(e.revealed_in, @progress))
       ORDER BY s.rank, r.rowid
       LIMIT @limit`,
    ),
    questions: database.prepare(
      `SELECT id, prompt, answer, distractors, explanation, difficulty, about_episode AS aboutEpisode,
              revealed_in AS revealedIn
       FROM kb.questions WHERE is_visible_at(revealed_in, @progress) ORDER BY id`,
    ),
  };

  // The pack is read-only while the bot runs, so what depends only on progress is computed once.
  const seasons = statements.seasons.all() as Season[];
  const namesByProgress = new Map<number, EntityName[]>();
  const charactersByProgress = new Map<number, CharacterSummary[]>();
  // Only episodes and entities that exist are kept: at most each of them at every progress.
  const episodesByKey = new Map<string, EpisodeView>();
  const cardsByKey = new Map<string, EntityCard>();
  let vocabulary: string[] | undefined;

  function visibleNames(progress: number): EntityName[] {
    let names = namesByProgress.get(progress);
    if (!names) {
      names = statements.visibleNames.all({ progress }) as EntityName[];
      namesByProgress.set(progress, names);
    }
    return names;
  }

  function findEntities(
    query: string,
    progress: number,
    options: { kinds?: readonly string[]; limit?: number } = {},
  ): EntityMatch[] {
    const candidates = visibleNames(progress)
      .filter((name) => !options.kinds || options.kinds.includes(name.kind))
      .map((name) => ({ ...name, key: name.entityId }));
    return rankNames(query, candidates, options.limit ?? 25).map(({ candidate, score }) => ({
      entityId: candidate.entityId,
      kind: candidate.kind,
      name: candidate.primaryName,
      // A match on another spelling is shown under the entity's own name, never the spelling.
      matchedName: candidate.nameKind === 'also-spelled' ? currentName(candidate.entityId, progress, candidate.primaryName) : candidate.name,
      score,
    }));
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
    visibleNames,
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

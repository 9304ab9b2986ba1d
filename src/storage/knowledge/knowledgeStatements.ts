import type { Database } from 'better-sqlite3';

const factColumns = 'id, category, text, episode, revealed_in AS revealedIn, source';

/** The knowledge base's prepared queries; every one that returns pack content filters with is_visible_at. */
export function prepareKnowledgeStatements(database: Database) {
  return {
    meta: database.prepare('SELECT value FROM kb.pack_meta WHERE key = ?').pluck(),
    seasons: database.prepare(
      `SELECT number, label, episode_count AS episodeCount, first_absolute AS firstAbsolute, release_date AS releaseDate
       FROM kb.seasons ORDER BY first_absolute`,
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
}

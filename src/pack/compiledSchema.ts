/**
 * The tables a knowledge pack compiles into. This is the contract between the pack compiler
 * (which writes them) and the gated queries in src/storage/knowledgeRepository.ts (which read them).
 *
 * Every row that can spoil carries `revealed_in`: the absolute episode after which it may be shown
 * (0 = safe before the first episode). Readers must filter with `is_visible_at(revealed_in, :progress)`.
 */
export const compiledKnowledgeSchema = `
CREATE TABLE pack_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  key         TEXT PRIMARY KEY,
  description TEXT NOT NULL
) STRICT;

CREATE TABLE seasons (
  number         INTEGER PRIMARY KEY,
  label          TEXT NOT NULL,
  episode_count  INTEGER NOT NULL,
  first_absolute INTEGER NOT NULL,
  release_date   TEXT
) STRICT;

-- An episode's existence, season and release date are never spoilers; its title may be.
CREATE TABLE episodes (
  absolute          INTEGER PRIMARY KEY,
  season            INTEGER NOT NULL REFERENCES seasons(number),
  number_in_season  INTEGER NOT NULL,
  release_date      TEXT,
  title             TEXT,
  title_revealed_in INTEGER NOT NULL DEFAULT 0
) STRICT;

-- kind: character | organisation | thing | person (staff and cast outside the story)
CREATE TABLE entities (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  named            INTEGER NOT NULL DEFAULT 1,
  revealed_in      INTEGER NOT NULL,
  first_appearance INTEGER,
  source           TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX entities_by_kind ON entities(kind, revealed_in);

-- Every name an entity is known by, each with its own stamp (a real name revealed later is a spoiler).
-- name_kind: primary | alias | nickname | japanese | real-name | also-spelled (searchable, never shown)
CREATE TABLE entity_names (
  entity_id   TEXT NOT NULL REFERENCES entities(id),
  name        TEXT NOT NULL,
  normalized  TEXT NOT NULL,
  name_kind   TEXT NOT NULL,
  revealed_in INTEGER NOT NULL,
  source      TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX entity_names_by_entity ON entity_names(entity_id);

-- attribute: role | affiliation. For affiliation, target_entity_id names the organisation.
CREATE TABLE entity_attributes (
  entity_id        TEXT NOT NULL REFERENCES entities(id),
  attribute        TEXT NOT NULL,
  value            TEXT NOT NULL,
  target_entity_id TEXT REFERENCES entities(id),
  revealed_in      INTEGER NOT NULL,
  source           TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX entity_attributes_by_entity ON entity_attributes(entity_id);

-- dub: japanese | english-netflix | english-sentai
CREATE TABLE voice_actors (
  entity_id   TEXT NOT NULL REFERENCES entities(id),
  dub         TEXT NOT NULL,
  actor       TEXT NOT NULL,
  revealed_in INTEGER NOT NULL,
  source      TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX voice_actors_by_entity ON voice_actors(entity_id);

-- subject: series | episode | entity. category: premise | staff | production | release | broadcast |
-- licensing | reception | manga | plot | description | identity | death | twist ...
CREATE TABLE facts (
  id          INTEGER PRIMARY KEY,
  subject     TEXT NOT NULL,
  entity_id   TEXT REFERENCES entities(id),
  episode     INTEGER REFERENCES episodes(absolute),
  category    TEXT NOT NULL,
  text        TEXT NOT NULL,
  revealed_in INTEGER NOT NULL,
  source      TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX facts_by_entity ON facts(entity_id, revealed_in);
CREATE INDEX facts_by_episode ON facts(episode, revealed_in);
CREATE INDEX facts_by_subject ON facts(subject, revealed_in);

-- Trivia: hand-written and generated. revealed_in is the latest stamp of the prompt, the answer,
-- every distractor and the explanation. about_episode: the episode the question is about (NULL for
-- production trivia), used by the "latest episodes" scope.
CREATE TABLE questions (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  prompt        TEXT NOT NULL,
  answer        TEXT NOT NULL,
  distractors   TEXT NOT NULL,
  explanation   TEXT NOT NULL,
  difficulty    TEXT NOT NULL,
  about_episode INTEGER,
  revealed_in   INTEGER NOT NULL,
  source        TEXT NOT NULL REFERENCES sources(key)
) STRICT;
CREATE INDEX questions_by_stamp ON questions(revealed_in);

-- Full-text search over names and facts. One row per name or fact; search_rows maps rowid to owner.
CREATE VIRTUAL TABLE search_text USING fts5(
  text,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_rows (
  rowid       INTEGER PRIMARY KEY,
  row_kind    TEXT NOT NULL,  -- name | spelling (another spelling of a name) | fact
  entity_id   TEXT REFERENCES entities(id),
  fact_id     INTEGER REFERENCES facts(id),
  revealed_in INTEGER NOT NULL
) STRICT;
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_text, 'row');
`;

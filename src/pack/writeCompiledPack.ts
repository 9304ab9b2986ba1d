import Database from 'better-sqlite3';
import { compiledKnowledgeSchema } from './compiledSchema.js';
import type { CompiledQuestion } from './compiledQuestion.js';
import { normalizeName } from './normalizeName.js';
import type { Fact, Pack } from './packSchema.js';
import { staffRoleNames } from './staffRoleNames.js';

export interface CompiledPackMeta {
  contentHash: string;
  compilerVersion: string;
}

type FactOwner = { subject: 'series' | 'episode' | 'entity'; entityId: string | null; episode: number | null };

/** Writes a validated pack into a new SQLite file, all in one transaction. Returns row counts per table. */
export function writeCompiledPack(
  file: string,
  pack: Pack,
  questions: readonly CompiledQuestion[],
  meta: CompiledPackMeta,
): Record<string, number> {
  const database = new Database(file);
  try {
    // A scratch file renamed into place only when complete: no journal or sync needed while writing it.
    database.pragma('journal_mode = OFF');
    database.pragma('synchronous = OFF');
    database.pragma('foreign_keys = ON');
    database.exec(compiledKnowledgeSchema);
    const insert = prepareInserts(database);
    const entities = pack.entityFiles.flatMap((entityFile) => entityFile.entities);
    let searchRowId = 0;
    const addSearchRow = (text: string, rowKind: 'name' | 'spelling' | 'fact', entityId: string | null, factId: number | null, revealedIn: number): void => {
      searchRowId += 1;
      insert.searchText.run(searchRowId, text);
      insert.searchRow.run(searchRowId, rowKind, entityId, factId, revealedIn);
    };
    let factId = 0;
    const addFacts = (owner: FactOwner, facts: readonly Fact[]): void => {
      for (const fact of facts) {
        factId += 1;
        insert.fact.run(factId, owner.subject, owner.entityId, owner.episode, fact.category, fact.text, fact.revealedIn, fact.source);
        addSearchRow(fact.text, 'fact', owner.entityId, factId, fact.revealedIn);
      }
    };

    database.transaction(() => {
      const metaRows: Record<string, string> = {
        id: pack.manifest.id,
        title: pack.manifest.title,
        content_hash: meta.contentHash,
        compiler_version: meta.compilerVersion,
        episode_count: String(pack.episodes.length),
        season_count: String(pack.series.seasons.length),
        dubs: JSON.stringify(pack.manifest.dubs),
        series: JSON.stringify(seriesOverview(pack)),
      };
      for (const [key, value] of Object.entries(metaRows)) insert.meta.run(key, value);
      for (const source of pack.manifest.sources) insert.source.run(source.key, source.description);

      let firstAbsolute = 1;
      for (const season of pack.series.seasons) {
        insert.season.run(season.number, season.label, season.episodeCount, firstAbsolute, season.releaseDate);
        firstAbsolute += season.episodeCount;
      }
      for (const episode of pack.episodes) {
        insert.episode.run(
          episode.absolute,
          episode.season,
          episode.numberInSeason,
          episode.releaseDate,
          episode.title?.text ?? null,
          episode.title?.revealedIn ?? 0,
        );
      }

      for (const entity of entities) {
        const firstPrimary = entity.names
          .filter((name) => name.kind === 'primary')
          .sort((left, right) => left.revealedIn - right.revealedIn)[0];
        insert.entity.run(
          entity.id,
          entity.kind,
          firstPrimary?.name ?? entity.id,
          entity.named ? 1 : 0,
          entity.revealedIn,
          entity.firstAppearance,
          entity.source,
        );
      }
      for (const entity of entities) {
        for (const name of entity.names) {
          insert.name.run(entity.id, name.name, normalizeName(name.name), name.kind, name.revealedIn, name.source);
          addSearchRow(name.name, name.kind === 'also-spelled' ? 'spelling' : 'name', entity.id, null, name.revealedIn);
        }
        for (const role of entity.roles) {
          insert.attribute.run(entity.id, 'role', role.value, null, role.revealedIn, role.source);
        }
        for (const affiliation of entity.affiliations) {
          insert.attribute.run(entity.id, 'affiliation', affiliation.value, affiliation.target, affiliation.revealedIn, affiliation.source);
        }
        for (const voiceActor of entity.voiceActors) {
          insert.voiceActor.run(entity.id, voiceActor.dub, voiceActor.actor, voiceActor.revealedIn, voiceActor.source);
        }
      }
      for (const member of pack.series.staff) {
        insert.attribute.run(member.personId, 'role', staffRoleNames[member.role], null, 0, member.source);
      }

      addFacts({ subject: 'series', entityId: null, episode: null }, pack.series.facts);
      for (const episode of pack.episodes) {
        addFacts({ subject: 'episode', entityId: null, episode: episode.absolute }, episode.facts);
      }
      for (const entity of entities) addFacts({ subject: 'entity', entityId: entity.id, episode: null }, entity.facts);

      for (const question of questions) {
        insert.question.run(
          question.id,
          question.origin,
          question.prompt,
          question.answer,
          JSON.stringify(question.distractors),
          question.explanation,
          question.difficulty,
          question.aboutEpisode,
          question.revealedIn,
          question.source,
        );
      }
    })();
    return countRows(database);
  } finally {
    database.close();
  }
}

function prepareInserts(database: Database.Database) {
  return {
    meta: database.prepare('INSERT INTO pack_meta (key, value) VALUES (?, ?)'),
    source: database.prepare('INSERT INTO sources (key, description) VALUES (?, ?)'),
    season: database.prepare(
      'INSERT INTO seasons (number, label, episode_count, first_absolute, release_date) VALUES (?, ?, ?, ?, ?)',
    ),
    episode: database.prepare(
      'INSERT INTO episodes (absolute, season, number_in_season, release_date, title, title_revealed_in) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    entity: database.prepare(
      'INSERT INTO entities (id, kind, name, named, revealed_in, first_appearance, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    name: database.prepare(
      'INSERT INTO entity_names (entity_id, name, normalized, name_kind, revealed_in, source) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    attribute: database.prepare(
      'INSERT INTO entity_attributes (entity_id, attribute, value, target_entity_id, revealed_in, source) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    voiceActor: database.prepare(
      'INSERT INTO voice_actors (entity_id, dub, actor, revealed_in, source) VALUES (?, ?, ?, ?, ?)',
    ),
    fact: database.prepare(
      'INSERT INTO facts (id, subject, entity_id, episode, category, text, revealed_in, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    question: database.prepare(
      `INSERT INTO questions (id, origin, prompt, answer, distractors, explanation, difficulty, about_episode, revealed_in, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    searchText: database.prepare('INSERT INTO search_text (rowid, text) VALUES (?, ?)'),
    searchRow: database.prepare(
      'INSERT INTO search_rows (rowid, row_kind, entity_id, fact_id, revealed_in) VALUES (?, ?, ?, ?, ?)',
    ),
  };
}

/** Never-spoiler facts about the series, for a header or an "about" command. */
function seriesOverview(pack: Pack) {
  const { series } = pack;
  return {
    titles: series.titles.map((title) => ({ text: title.text, kind: title.kind })),
    format: series.format.value,
    studio: series.studio.value,
    seasons: series.seasons.map((season) => ({
      number: season.number,
      label: season.label,
      episodeCount: season.episodeCount,
      releaseDate: season.releaseDate,
    })),
    staff: series.staff.map((member) => ({ role: staffRoleNames[member.role], personId: member.personId })),
  };
}

const countedTables = [
  'sources',
  'seasons',
  'episodes',
  'entities',
  'entity_names',
  'entity_attributes',
  'voice_actors',
  'facts',
  'questions',
  'search_rows',
] as const;

function countRows(database: Database.Database): Record<string, number> {
  return Object.fromEntries(
    countedTables.map((table) => [
      table,
      (database.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as { count: number }).count,
    ]),
  );
}

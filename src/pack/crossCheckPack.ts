import type { CheckContext } from './checkContext.js';
import { createCheckContext } from './checkContext.js';
import { crossCheckEntities } from './crossCheckEntities.js';
import { crossCheckQuestions } from './crossCheckQuestions.js';
import { crossCheckStampRules } from './crossCheckStampRules.js';
import { packFileNames } from './packFiles.js';
import type { PackProblem } from './packProblem.js';
import { crossCheckFacts, reportDuplicates } from './crossCheckHelpers.js';
import type { Pack } from './packSchema.js';

/** Everything zod cannot see: ids, references, episode numbering and spoiler stamps. */
export function crossCheckPack(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const context = createCheckContext(pack, problems);
  crossCheckManifest(pack, context);
  crossCheckSeries(pack, context);
  crossCheckEpisodes(pack, context);
  crossCheckEntities(pack, context);
  crossCheckQuestions(pack, context);
  crossCheckStampRules(pack, context);
  return problems;
}

function crossCheckManifest(pack: Pack, context: CheckContext): void {
  const file = packFileNames.manifest;
  const { sources, dubs } = pack.manifest;
  reportDuplicates(context, file, sources.map((source) => source.key), (index) => ['sources', index, 'key'], 'source');
  reportDuplicates(context, file, dubs.map((dub) => dub.key), (index) => ['dubs', index, 'key'], 'dub');
}

function crossCheckSeries(pack: Pack, context: CheckContext): void {
  const file = packFileNames.series;
  const { series } = pack;
  series.titles.forEach((title, index) => context.checkSource(file, ['series', 'titles', index, 'source'], title.source));
  context.checkSource(file, ['series', 'format', 'source'], series.format.source);
  context.checkSource(file, ['series', 'studio', 'source'], series.studio.source);
  let nextNumbered = 1;
  let specialsListed = false;
  series.seasons.forEach((season, index) => {
    context.checkSource(file, ['series', 'seasons', index, 'source'], season.source);
    if (season.number === 0) {
      if (specialsListed) context.report(file, ['series', 'seasons', index, 'number'], 'specials (season 0) are listed once');
      specialsListed = true;
      return;
    }
    if (season.number !== nextNumbered) {
      context.report(file, ['series', 'seasons', index, 'number'], `season ${season.number} should be ${nextNumbered} (seasons count up from 1; specials are season 0)`);
    }
    nextNumbered += 1;
  });
  series.staff.forEach((member, index) => {
    context.checkSource(file, ['series', 'staff', index, 'source'], member.source);
    const person = context.entitiesById.get(member.personId);
    if (person?.kind !== 'person') {
      context.report(file, ['series', 'staff', index, 'personId'], `"${member.personId}" is not a person entity`);
    }
  });
  crossCheckFacts(context, file, ['series', 'facts'], series.facts, 0, 'the series');
}

function crossCheckEpisodes(pack: Pack, context: CheckContext): void {
  const file = packFileNames.episodes;
  const { seasons } = pack.series;
  const seasonTotal = seasons.reduce((total, season) => total + season.episodeCount, 0);
  if (seasonTotal !== pack.episodes.length) {
    context.report(file, ['episodes'], `the seasons add up to ${seasonTotal} episodes but ${pack.episodes.length} are listed`);
  }
  let firstOfSeason = 1;
  const firstAbsoluteBySeason = new Map(
    seasons.map((season) => {
      const entry = [season.number, firstOfSeason] as const;
      firstOfSeason += season.episodeCount;
      return entry;
    }),
  );
  pack.episodes.forEach((episode, index) => {
    const path = ['episodes', index];
    if (episode.absolute !== index + 1) {
      context.report(file, [...path, 'absolute'], `episode ${episode.absolute} should be ${index + 1} (in order, from 1)`);
    }
    const seasonFirst = firstAbsoluteBySeason.get(episode.season);
    if (seasonFirst === undefined) {
      context.report(file, [...path, 'season'], `season ${episode.season} is not in series.json`);
    } else if (seasonFirst + episode.numberInSeason - 1 !== episode.absolute) {
      context.report(
        file,
        [...path, 'numberInSeason'],
        `season ${episode.season} episode ${episode.numberInSeason} would be absolute ${seasonFirst + episode.numberInSeason - 1}, not ${episode.absolute}`,
      );
    }
    if (episode.title) {
      context.checkSource(file, [...path, 'title', 'source'], episode.title.source);
      context.checkStamp(file, [...path, 'title', 'revealedIn'], episode.title.revealedIn, 0, 'the series');
      context.checkMentions(file, [...path, 'title', 'text'], episode.title.text, episode.title.revealedIn);
    }
    crossCheckFacts(context, file, [...path, 'facts'], episode.facts, episode.absolute, 'its episode');
  });
}

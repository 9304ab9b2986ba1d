import type { StampedName } from './findMentions.js';
import { createMentionFinder } from './findMentions.js';
import type { PackProblem } from './packProblem.js';
import { formatJsonPath } from './packProblem.js';
import type { Entity, Pack } from './packSchema.js';

type JsonPath = readonly (string | number)[];

/** What every cross-check needs to know about the pack, and where it reports problems. */
export interface CheckContext {
  episodeCount: number;
  entitiesById: ReadonlyMap<string, Entity>;
  findMentions: (text: string) => StampedName[];
  report: (file: string, path: JsonPath, reason: string) => void;
  /** Reports a source key that pack.json does not list. */
  checkSource: (file: string, path: JsonPath, key: string) => void;
  /** Reports a stamp before `earliest` (what it depends on) or after the last episode. */
  checkStamp: (file: string, path: JsonPath, stamp: number, earliest: number, dependsOn: string) => void;
  /** Reports every name the text mentions that is revealed after the text's own stamp. */
  checkMentions: (file: string, path: JsonPath, text: string, stamp: number) => void;
}

export function createCheckContext(pack: Pack, problems: PackProblem[]): CheckContext {
  const sourceKeys = new Set(pack.manifest.sources.map((source) => source.key));
  const episodeCount = pack.episodes.length;
  const entities = pack.entityFiles.flatMap((file) => file.entities);
  const entitiesById = new Map(entities.map((entity) => [entity.id, entity]));
  const findMentions = createMentionFinder(namesThatCanLeak(entities));
  const report = (file: string, path: JsonPath, reason: string): void => {
    problems.push({ file, path: formatJsonPath(path), reason });
  };
  return {
    episodeCount,
    entitiesById,
    findMentions,
    report,
    checkSource: (file, path, key) => {
      if (!sourceKeys.has(key)) report(file, path, `source "${key}" is not listed in pack.json`);
    },
    checkStamp: (file, path, stamp, earliest, dependsOn) => {
      if (stamp < earliest) report(file, path, `revealed in ${stamp}, before ${dependsOn} (${earliest})`);
      if (stamp > episodeCount) report(file, path, `revealed in ${stamp}, after the last episode (${episodeCount})`);
    },
    checkMentions: (file, path, text, stamp) => {
      for (const mention of findMentions(text)) {
        if (mention.revealedIn > stamp) {
          report(
            file,
            path,
            `mentions "${mention.name}" (${mention.entityId}, revealed in ${mention.revealedIn}) but is revealed in ${stamp}`,
          );
        }
      }
    },
  };
}

/** Real names of named entities; an unnamed entity's label describes it and is not a name. */
export function namesThatCanLeak(entities: readonly Entity[]): StampedName[] {
  return entities
    .filter((entity) => entity.named)
    .flatMap((entity) =>
      entity.names.map((name) => ({ name: name.name, revealedIn: name.revealedIn, entityId: entity.id })),
    );
}

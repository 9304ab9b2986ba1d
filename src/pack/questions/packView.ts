import type { StampedName } from '../findMentions.js';
import { createMentionFinder } from '../findMentions.js';
import { namesThatCanLeak } from '../checkContext.js';
import type { Entity, Pack } from '../packSchema.js';

/** The pack seen the way question templates need it: names as of a stamp, dub labels, episodes. */
export interface PackView {
  pack: Pack;
  title: string;
  entities: readonly Entity[];
  entitiesById: ReadonlyMap<string, Entity>;
  findMentions: (text: string) => StampedName[];
  dubLabel: (dubKey: string) => string;
  /** The name an entity goes by at a stamp: its latest primary name revealed by then. */
  nameAt: (entity: Entity, stamp: number) => { name: string; revealedIn: number };
  episodeLabel: (absolute: number) => string;
}

export function createPackView(pack: Pack): PackView {
  const entities = pack.entityFiles.flatMap((file) => file.entities);
  const dubLabels = new Map(pack.manifest.dubs.map((dub) => [dub.key, dub.label]));
  const episodesByAbsolute = new Map(pack.episodes.map((episode) => [episode.absolute, episode]));
  const seasonCount = pack.series.seasons.length;
  return {
    pack,
    title: pack.manifest.title,
    entities,
    entitiesById: new Map(entities.map((entity) => [entity.id, entity])),
    findMentions: createMentionFinder(namesThatCanLeak(entities)),
    dubLabel: (dubKey) => dubLabels.get(dubKey) ?? dubKey,
    nameAt: (entity, stamp) => {
      const primaries = entity.names
        .filter((name) => name.kind === 'primary')
        .sort((left, right) => left.revealedIn - right.revealedIn);
      const current = primaries.filter((name) => name.revealedIn <= stamp).at(-1) ?? primaries[0];
      return { name: current?.name ?? entity.id, revealedIn: current?.revealedIn ?? entity.revealedIn };
    },
    episodeLabel: (absolute) => {
      const episode = episodesByAbsolute.get(absolute);
      if (!episode || seasonCount === 1) return `Episode ${absolute}`;
      return `Episode ${absolute} (season ${episode.season}, episode ${episode.numberInSeason})`;
    },
  };
}

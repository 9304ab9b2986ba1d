import { packFileNames } from './packFiles.js';
import type { Pack } from './packSchema.js';

export type PackItemKind =
  | 'series title'
  | 'staff'
  | 'entity'
  | 'name'
  | 'role'
  | 'affiliation'
  | 'voice actor'
  | 'gender'
  | 'fact'
  | 'episode title';

/** One stamped, cited thing in a pack's files, with where it lives and what it says. */
export interface PackItem {
  file: string;
  path: (string | number)[];
  kind: PackItemKind;
  /** Whose item it is: an entity id, `episode N` or `series`. */
  owner: string;
  text: string;
  revealedIn: number;
  source: string;
  /** Fact category, for facts. */
  category?: string;
}

/**
 * Every cited item of a pack except trivia questions, in file order. Cross-checks and the review
 * timeline walk this one list, so a new kind of item cannot be checked in one place and forgotten in another.
 */
export function listPackItems(pack: Pack): PackItem[] {
  const items: PackItem[] = [];
  // Titles and staff carry no stamp: the series overview shows them before the first episode.
  pack.series.titles.forEach((title, index) => {
    items.push({ file: packFileNames.series, path: ['series', 'titles', index], kind: 'series title', owner: 'series', text: `${title.text} (${title.kind})`, revealedIn: 0, source: title.source });
  });
  pack.series.staff.forEach((member, index) => {
    items.push({ file: packFileNames.series, path: ['series', 'staff', index], kind: 'staff', owner: 'series', text: `${member.personId}: ${member.role}`, revealedIn: 0, source: member.source });
  });
  pack.series.facts.forEach((fact, index) => {
    items.push({ file: packFileNames.series, path: ['series', 'facts', index], kind: 'fact', owner: 'series', text: fact.text, revealedIn: fact.revealedIn, source: fact.source, category: fact.category });
  });
  pack.episodes.forEach((episode, episodeIndex) => {
    const owner = `episode ${episode.absolute}`;
    const path = ['episodes', episodeIndex];
    if (episode.title) {
      items.push({ file: packFileNames.episodes, path: [...path, 'title'], kind: 'episode title', owner, text: episode.title.text, revealedIn: episode.title.revealedIn, source: episode.title.source });
    }
    episode.facts.forEach((fact, index) => {
      items.push({ file: packFileNames.episodes, path: [...path, 'facts', index], kind: 'fact', owner, text: fact.text, revealedIn: fact.revealedIn, source: fact.source, category: fact.category });
    });
  });
  for (const { file, entities } of pack.entityFiles) {
    entities.forEach((entity, entityIndex) => {
      const path = ['entities', entityIndex];
      const owner = entity.id;
      const item = (kind: PackItemKind, field: (string | number)[], text: string, stamped: { revealedIn: number; source: string }) =>
        items.push({ file, path: [...path, ...field], kind, owner, text, revealedIn: stamped.revealedIn, source: stamped.source });
      item('entity', [], `${entity.kind} ${entity.id}`, entity);
      entity.names.forEach((name, index) => item('name', ['names', index], `${name.name} (${name.kind})`, name));
      entity.roles.forEach((role, index) => item('role', ['roles', index], role.value, role));
      entity.affiliations.forEach((affiliation, index) =>
        item('affiliation', ['affiliations', index], `${affiliation.value}, ${affiliation.target}`, affiliation),
      );
      entity.voiceActors.forEach((credit, index) => item('voice actor', ['voiceActors', index], `${credit.actor} (${credit.dub})`, credit));
      if (entity.gender) item('gender', ['gender'], entity.gender.value, { revealedIn: entity.revealedIn, source: entity.gender.source });
      entity.facts.forEach((fact, index) => {
        items.push({ file, path: [...path, 'facts', index], kind: 'fact', owner, text: fact.text, revealedIn: fact.revealedIn, source: fact.source, category: fact.category });
      });
    });
  }
  return items;
}

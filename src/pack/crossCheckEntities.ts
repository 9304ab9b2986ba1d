import type { CheckContext } from './checkContext.js';
import { crossCheckFacts, reportDuplicates } from './crossCheckHelpers.js';
import { normalizeName } from './normalizeName.js';
import type { Entity, Pack } from './packSchema.js';

export function crossCheckEntities(pack: Pack, context: CheckContext): void {
  const declaredDubs = new Set(pack.manifest.dubs.map((dub) => dub.key));
  const seenIds = new Set<string>();
  for (const { file, entities } of pack.entityFiles) {
    entities.forEach((entity, index) => {
      const path = ['entities', index];
      if (seenIds.has(entity.id)) context.report(file, [...path, 'id'], `entity id "${entity.id}" is used more than once`);
      seenIds.add(entity.id);
      context.checkSource(file, [...path, 'source'], entity.source);
      context.checkStamp(file, [...path, 'revealedIn'], entity.revealedIn, 0, 'the series');
      // Ids travel to Discord in autocomplete values and button custom ids, so they must not name anything later.
      context.checkMentions(file, [...path, 'id'], entity.id.replaceAll('-', ' '), entity.revealedIn);
      if (entity.firstAppearance !== null && entity.firstAppearance > context.episodeCount) {
        context.report(file, [...path, 'firstAppearance'], `episode ${entity.firstAppearance} does not exist`);
      }
      crossCheckNames(context, file, path, entity);
      crossCheckAttributes(context, file, path, entity, declaredDubs);
      crossCheckFacts(context, file, [...path, 'facts'], entity.facts, entity.revealedIn, 'its entity');
    });
  }
}

function crossCheckNames(context: CheckContext, file: string, path: (string | number)[], entity: Entity): void {
  const primaries = entity.names.filter((name) => name.kind === 'primary');
  const earliestPrimary = Math.min(...primaries.map((name) => name.revealedIn));
  if (primaries.length === 0) {
    context.report(file, [...path, 'names'], 'needs a primary name');
  } else if (earliestPrimary !== entity.revealedIn) {
    context.report(
      file,
      [...path, 'names'],
      `the earliest primary name is revealed in ${earliestPrimary}, but the entity in ${entity.revealedIn}`,
    );
  }
  reportDuplicates(
    context,
    file,
    primaries.map((name) => String(name.revealedIn)),
    () => [...path, 'names'],
    'two primary names revealed in episode',
  );
  reportDuplicates(
    context,
    file,
    entity.names.map((name) => normalizeName(name.name)),
    (index) => [...path, 'names', index, 'name'],
    'name',
  );
  entity.names.forEach((name, index) => {
    context.checkSource(file, [...path, 'names', index, 'source'], name.source);
    context.checkStamp(file, [...path, 'names', index, 'revealedIn'], name.revealedIn, entity.revealedIn, 'its entity');
    if (!entity.named) context.checkMentions(file, [...path, 'names', index, 'name'], name.name, name.revealedIn);
  });
}

function crossCheckAttributes(
  context: CheckContext,
  file: string,
  path: (string | number)[],
  entity: Entity,
  declaredDubs: ReadonlySet<string>,
): void {
  entity.roles.forEach((role, index) => {
    const rolePath = [...path, 'roles', index];
    context.checkSource(file, [...rolePath, 'source'], role.source);
    context.checkStamp(file, [...rolePath, 'revealedIn'], role.revealedIn, entity.revealedIn, 'its entity');
    context.checkMentions(file, [...rolePath, 'value'], role.value, role.revealedIn);
  });
  entity.affiliations.forEach((affiliation, index) => {
    const affiliationPath = [...path, 'affiliations', index];
    context.checkSource(file, [...affiliationPath, 'source'], affiliation.source);
    context.checkStamp(file, [...affiliationPath, 'revealedIn'], affiliation.revealedIn, entity.revealedIn, 'its entity');
    context.checkMentions(file, [...affiliationPath, 'value'], affiliation.value, affiliation.revealedIn);
    const target = context.entitiesById.get(affiliation.target);
    if (target?.kind !== 'organisation') {
      context.report(file, [...affiliationPath, 'target'], `"${affiliation.target}" is not an organisation entity`);
    } else {
      context.checkStamp(file, [...affiliationPath, 'revealedIn'], affiliation.revealedIn, target.revealedIn, 'its organisation');
    }
  });
  entity.voiceActors.forEach((voiceActor, index) => {
    const actorPath = [...path, 'voiceActors', index];
    context.checkSource(file, [...actorPath, 'source'], voiceActor.source);
    context.checkStamp(file, [...actorPath, 'revealedIn'], voiceActor.revealedIn, entity.revealedIn, 'its character');
    if (!declaredDubs.has(voiceActor.dub)) {
      context.report(file, [...actorPath, 'dub'], `dub "${voiceActor.dub}" is not declared in pack.json`);
    }
  });
}

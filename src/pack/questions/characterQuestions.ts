import type { Entity } from '../packSchema.js';
import type { PackView } from './packView.js';
import type { Candidate } from './pickDistractors.js';
import { neighbourEpisodeCandidates } from './pickDistractors.js';
import type { QuestionDraft } from './questionDraft.js';

/** Another entity that could pass for the answer: not the answer, and of its gender where the pack records one. */
function isLookAlike(entity: Entity, answer: Entity): boolean {
  return entity.id !== answer.id && (answer.gender === undefined || entity.gender?.value === answer.gender.value);
}

function namedCharacters(view: PackView): Entity[] {
  return view.entities.filter((entity) => entity.kind === 'character' && entity.named);
}

/**
 * Other named characters as distractors, each under the name it goes by at the question's stamp; only
 * look-alikes, so the options cannot be told apart by gender alone.
 */
export function characterCandidates(view: PackView, stamp: number, answer: Entity): Candidate[] {
  return namedCharacters(view)
    .filter((entity) => isLookAlike(entity, answer))
    .map((entity) => {
      const name = view.nameAt(entity, stamp);
      return { text: name.name, revealedIn: Math.max(entity.revealedIn, name.revealedIn) };
    });
}

/** "In which episode does X first appear?": distractors are other episode numbers (never spoilers). */
export function firstAppearanceQuestions(view: PackView): QuestionDraft[] {
  return namedCharacters(view).flatMap((entity) => {
    const episode = entity.firstAppearance;
    if (episode === null) return [];
    const name = view.nameAt(entity, entity.revealedIn);
    return [
      {
        key: `first-appearance-${entity.id}`,
        prompt: `In which episode does ${name.name} first appear?`,
        answer: `Episode ${episode}`,
        candidates: neighbourEpisodeCandidates(entity.id, episode, view.pack.episodes.length),
        explanation: `${name.name} first appears in ${view.episodeLabel(episode).toLowerCase()}.`,
        difficulty: 'medium',
        aboutEpisode: episode,
        revealedIn: Math.max(entity.revealedIn, episode),
        source: entity.source,
      },
    ];
  });
}

/** "Which character is <role>?": distractors are other characters. */
export function roleQuestions(view: PackView): QuestionDraft[] {
  return namedCharacters(view).flatMap((entity) =>
    entity.roles.map((role, index) => {
      const name = view.nameAt(entity, role.revealedIn);
      const revealedIn = Math.max(role.revealedIn, name.revealedIn);
      return {
        key: `role-${entity.id}-${index + 1}`,
        prompt: `Which character is this: ${role.value}?`,
        answer: name.name,
        candidates: characterCandidates(view, revealedIn, entity),
        explanation: `${name.name}: ${role.value}.`,
        difficulty: 'easy',
        aboutEpisode: null,
        revealedIn,
        source: role.source,
      };
    }),
  );
}

/** "Which organisation is X part of?": distractors are organisations X has nothing to do with. */
export function affiliationQuestions(view: PackView): QuestionDraft[] {
  const organisations = view.entities.filter((entity) => entity.kind === 'organisation');
  return namedCharacters(view).flatMap((entity) =>
    entity.affiliations.flatMap((affiliation, index) => {
      const organisation = view.entitiesById.get(affiliation.target);
      if (!organisation) return [];
      const relatedIds = new Set([
        ...entity.affiliations.map((other) => other.target),
        ...relatedOrganisations(view, entity.affiliations.map((other) => other.target)),
      ]);
      const name = view.nameAt(entity, affiliation.revealedIn);
      const organisationName = view.nameAt(organisation, affiliation.revealedIn);
      return [
        {
          key: `affiliation-${entity.id}-${index + 1}`,
          prompt: `Which organisation is ${name.name} connected with (${affiliation.value})?`,
          answer: organisationName.name,
          candidates: organisations
            .filter((other) => !relatedIds.has(other.id))
            .map((other) => {
              const otherName = view.nameAt(other, affiliation.revealedIn);
              return { text: otherName.name, revealedIn: Math.max(other.revealedIn, otherName.revealedIn) };
            }),
          explanation: `${name.name} is connected with ${organisationName.name}: ${affiliation.value}.`,
          difficulty: 'easy',
          aboutEpisode: null,
          revealedIn: Math.max(affiliation.revealedIn, name.revealedIn, organisationName.revealedIn),
          source: affiliation.source,
        },
      ];
    }),
  );
}

/** Organisations that contain, or are contained in, the given ones (a division and its parent). */
function relatedOrganisations(view: PackView, organisationIds: readonly string[]): string[] {
  const given = new Set(organisationIds);
  return view.entities
    .filter((entity) => entity.kind === 'organisation')
    .flatMap((organisation) =>
      organisation.affiliations
        .filter((link) => given.has(organisation.id) || given.has(link.target))
        .flatMap((link) => [organisation.id, link.target]),
    );
}

type OtherNameKind = 'real-name' | 'nickname';

/** How each kind of extra name is asked about; the distractors are always other characters' names. */
const otherNamePhrasing: Record<OtherNameKind, (name: string, otherName: string) => { prompt: string; answer: string; explanation: string }> = {
  'real-name': (name, otherName) => ({
    prompt: `What is the real name of the character known as ${name}?`,
    answer: otherName,
    explanation: `${name}'s real name is ${otherName}.`,
  }),
  nickname: (name, otherName) => ({
    prompt: `Which character goes by the nickname "${otherName}"?`,
    answer: name,
    explanation: `"${otherName}" is what ${name} is called.`,
  }),
};

function isOtherNameKind(kind: string): kind is OtherNameKind {
  return kind in otherNamePhrasing;
}

/** Real names and nicknames: the distractors are other characters' names. */
export function otherNameQuestions(view: PackView): QuestionDraft[] {
  return namedCharacters(view).flatMap((entity) =>
    entity.names.flatMap((otherName, index) => {
      if (!isOtherNameKind(otherName.kind)) return [];
      const name = view.nameAt(entity, entity.revealedIn);
      const revealedIn = Math.max(otherName.revealedIn, name.revealedIn);
      return [
        {
          key: `${otherName.kind}-${entity.id}-${index + 1}`,
          ...otherNamePhrasing[otherName.kind](name.name, otherName.name),
          candidates: characterCandidates(view, revealedIn, entity),
          difficulty: 'medium',
          aboutEpisode: null,
          revealedIn,
          source: otherName.source,
        },
      ];
    }),
  );
}

/** "How is X written in Japanese?": distractors are other characters' Japanese names. */
export function japaneseNameQuestions(view: PackView): QuestionDraft[] {
  return namedCharacters(view).flatMap((entity) => {
    const japanese = entity.names
      .filter((name) => name.kind === 'japanese')
      .sort((left, right) => left.revealedIn - right.revealedIn)[0];
    if (!japanese) return [];
    const name = view.nameAt(entity, japanese.revealedIn);
    return [
      {
        key: `japanese-name-${entity.id}`,
        prompt: `How is ${name.name}'s name written in Japanese?`,
        answer: japanese.name,
        candidates: namesOfKind(view, 'japanese', entity),
        explanation: `${name.name} is written ${japanese.name} in Japanese.`,
        difficulty: 'hard',
        aboutEpisode: null,
        revealedIn: Math.max(japanese.revealedIn, name.revealedIn),
        source: japanese.source,
      },
    ];
  });
}

function namesOfKind(view: PackView, kind: 'japanese', answer: Entity): Candidate[] {
  return namedCharacters(view)
    .filter((entity) => isLookAlike(entity, answer))
    .flatMap((entity) =>
      entity.names.filter((name) => name.kind === kind).map((name) => ({ text: name.name, revealedIn: name.revealedIn })),
    );
}

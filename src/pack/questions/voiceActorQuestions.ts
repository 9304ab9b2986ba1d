import type { Entity } from '../packSchema.js';
import { characterCandidates } from './characterQuestions.js';
import type { PackView } from './packView.js';
import type { QuestionDraft } from './questionDraft.js';

type VoiceCredit = { entity: Entity; dub: string; actor: string; revealedIn: number; source: string };

function voiceCredits(view: PackView): VoiceCredit[] {
  return view.entities.flatMap((entity) => entity.voiceActors.map((credit) => ({ entity, ...credit })));
}

/** "Who voices X in dub D?": distractors are other actors of the same dub. */
export function voiceActorQuestions(view: PackView): QuestionDraft[] {
  const credits = voiceCredits(view);
  return credits.map((credit) => {
    const character = view.nameAt(credit.entity, credit.revealedIn);
    const dub = view.dubLabel(credit.dub);
    return {
      key: `voice-actor-${credit.entity.id}-${credit.dub}`,
      prompt: `Who voices ${character.name} in ${dub}?`,
      answer: credit.actor,
      candidates: credits
        .filter((other) => other.dub === credit.dub)
        .map((other) => ({ text: other.actor, revealedIn: other.revealedIn })),
      explanation: `${credit.actor} voices ${character.name} in ${dub}.`,
      difficulty: credit.dub === 'japanese' ? 'hard' : 'medium',
      aboutEpisode: null,
      revealedIn: Math.max(credit.revealedIn, character.revealedIn),
      source: credit.source,
    };
  });
}

/**
 * "Which character does actor A voice in dub D?": distractors are other named characters. An actor who
 * voices several characters in one dub gets no such question: each of them would be a right answer.
 */
export function voicedCharacterQuestions(view: PackView): QuestionDraft[] {
  const credits = voiceCredits(view).filter((credit) => credit.entity.named);
  const rolesOf = (actor: string, dub: string) => credits.filter((other) => other.actor === actor && other.dub === dub).length;
  return credits.flatMap((credit) => {
    if (rolesOf(credit.actor, credit.dub) > 1) return [];
    const character = view.nameAt(credit.entity, credit.revealedIn);
    const revealedIn = Math.max(credit.revealedIn, character.revealedIn);
    const dub = view.dubLabel(credit.dub);
    const draft: QuestionDraft = {
      key: `voiced-character-${credit.entity.id}-${credit.dub}`,
      prompt: `Which character does ${credit.actor} voice in ${dub}?`,
      answer: character.name,
      candidates: characterCandidates(view, revealedIn, credit.entity),
      explanation: `${credit.actor} voices ${character.name} in ${dub}.`,
      difficulty: 'hard',
      aboutEpisode: null,
      revealedIn,
      source: credit.source,
    };
    return [draft];
  });
}

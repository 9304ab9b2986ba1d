import { latestMentionStamp } from '../findMentions.js';
import type { CompiledQuestion } from '../compiledQuestion.js';
import { generatedQuestionIdPrefix } from '../compiledQuestion.js';
import { normalizeName } from '../normalizeName.js';
import type { Pack } from '../packSchema.js';
import {
  affiliationQuestions,
  firstAppearanceQuestions,
  japaneseNameQuestions,
  otherNameQuestions,
  roleQuestions,
} from './characterQuestions.js';
import { episodeFactQuestions } from './episodeQuestions.js';
import type { PackView } from './packView.js';
import { createPackView } from './packView.js';
import { pickDistractors } from './pickDistractors.js';
import type { QuestionDraft, QuestionTemplate } from './questionDraft.js';
import { seasonQuestions, staffQuestions } from './productionQuestions.js';
import { voiceActorQuestions, voicedCharacterQuestions } from './voiceActorQuestions.js';

const templates: readonly QuestionTemplate[] = [
  staffQuestions,
  seasonQuestions,
  firstAppearanceQuestions,
  roleQuestions,
  affiliationQuestions,
  otherNameQuestions,
  japaneseNameQuestions,
  voiceActorQuestions,
  voicedCharacterQuestions,
  episodeFactQuestions,
];

/**
 * The hand-written questions plus those generated from the structured facts, deduplicated by prompt
 * (hand-written first). Each stamp is the latest of everything the question shows.
 */
export function buildQuestionBank(pack: Pack): CompiledQuestion[] {
  const view = createPackView(pack);
  const handWritten = pack.questions.map((question): CompiledQuestion => ({
    ...question,
    origin: 'hand-written',
    revealedIn: Math.max(question.revealedIn, stampOfTexts(view, [question.prompt, question.answer, question.explanation, ...question.distractors])),
  }));
  const generated = templates
    .flatMap((template) => template(view))
    .flatMap((draft) => {
      const question = finishDraft(view, draft);
      return question ? [question] : [];
    });
  const seenPrompts = new Set<string>();
  return [...handWritten, ...generated].filter((question) => {
    const key = normalizeName(question.prompt);
    if (seenPrompts.has(key)) return false;
    seenPrompts.add(key);
    return true;
  });
}

function finishDraft(view: PackView, draft: QuestionDraft): CompiledQuestion | null {
  const id = `${generatedQuestionIdPrefix}${draft.key}`;
  const picked = pickDistractors(id, draft.answer, withoutTheSubject(view, draft), draft.revealedIn);
  if (!picked) return null;
  const texts = [draft.prompt, draft.answer, draft.explanation, ...picked.distractors];
  return {
    id,
    origin: 'generated',
    prompt: draft.prompt,
    answer: draft.answer,
    distractors: picked.distractors,
    explanation: draft.explanation,
    difficulty: draft.difficulty,
    aboutEpisode: draft.aboutEpisode,
    revealedIn: Math.max(picked.revealedIn, stampOfTexts(view, texts)),
    source: draft.source,
  };
}

/** Whoever the prompt names is the question's subject, never a wrong answer (Sarah is not her own boss). */
function withoutTheSubject(view: PackView, draft: QuestionDraft): QuestionDraft['candidates'] {
  const subjects = new Set(view.findMentions(draft.prompt).map((mention) => mention.entityId));
  return draft.candidates.filter((candidate) => !view.findMentions(candidate.text).some((mention) => subjects.has(mention.entityId)));
}

function stampOfTexts(view: PackView, texts: readonly string[]): number {
  return latestMentionStamp(view.findMentions, texts);
}

import type { CheckContext } from './checkContext.js';
import { reportDuplicates } from './crossCheckHelpers.js';
import { generatedQuestionIdPrefix } from './compiledQuestion.js';
import { normalizeName } from './normalizeName.js';
import { packFileNames } from './packFiles.js';
import type { Pack } from './packSchema.js';

export function crossCheckQuestions(pack: Pack, context: CheckContext): void {
  const file = packFileNames.questions;
  reportDuplicates(context, file, pack.questions.map((question) => question.id), (index) => ['questions', index, 'id'], 'question id');
  pack.questions.forEach((question, index) => {
    const path = ['questions', index];
    if (question.id.startsWith(generatedQuestionIdPrefix)) {
      context.report(file, [...path, 'id'], `ids starting "${generatedQuestionIdPrefix}" are kept for generated questions`);
    }
    context.checkSource(file, [...path, 'source'], question.source);
    context.checkStamp(file, [...path, 'revealedIn'], question.revealedIn, question.aboutEpisode ?? 0, 'the episode it is about');
    if (question.aboutEpisode !== null && question.aboutEpisode > context.episodeCount) {
      context.report(file, [...path, 'aboutEpisode'], `episode ${question.aboutEpisode} does not exist`);
    }
    const options = [question.answer, ...question.distractors].map(normalizeName);
    if (new Set(options).size !== options.length) {
      context.report(file, [...path, 'distractors'], 'the answer and the three distractors must all differ');
    }
    const subjects = new Set(context.findMentions(question.prompt).map((mention) => mention.entityId));
    const answerGender = genderOf(context, question.answer);
    question.distractors.forEach((distractor, distractorIndex) => {
      const mentions = context.findMentions(distractor);
      const subject = mentions.find((mention) => subjects.has(mention.entityId));
      if (subject) context.report(file, [...path, 'distractors', distractorIndex], `offers "${subject.name}", whom the question is about, as a wrong answer`);
      const distractorGender = genderOf(context, distractor);
      if (answerGender !== undefined && distractorGender !== undefined && distractorGender !== answerGender) {
        context.report(file, [...path, 'distractors', distractorIndex], `offers a ${distractorGender} character where the answer is ${answerGender}: it gives the answer away`);
      }
    });
    const texts: [(string | number)[], string][] = [
      [['prompt'], question.prompt],
      [['answer'], question.answer],
      [['explanation'], question.explanation],
      ...question.distractors.map((distractor, distractorIndex): [(string | number)[], string] => [
        ['distractors', distractorIndex],
        distractor,
      ]),
    ];
    for (const [field, text] of texts) {
      context.checkMentions(file, [...path, ...field], text, question.revealedIn);
    }
  });
}

/** The recorded gender of the character an option is, when the whole option is that character's name. */
function genderOf(context: CheckContext, option: string): string | undefined {
  const named = context.findMentions(option).find((mention) => normalizeName(mention.name) === normalizeName(option));
  return named === undefined ? undefined : context.entitiesById.get(named.entityId)?.gender?.value;
}

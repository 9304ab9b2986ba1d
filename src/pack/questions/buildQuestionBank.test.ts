import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '../compiledQuestion.js';
import { loadPack } from '../loadPack.js';
import type { Pack } from '../packSchema.js';
import { heroMaskPackDirectory } from '../../../test/support/packFixture.js';
import { buildQuestionBank } from './buildQuestionBank.js';
import { createPackView } from './packView.js';
import type { PackView } from './packView.js';

let pack: Pack;
let view: PackView;
let questions: CompiledQuestion[];
beforeAll(() => {
  const loaded = loadPack(heroMaskPackDirectory);
  if (!loaded.ok) throw new Error('the Hero Mask pack should load');
  pack = loaded.pack;
  view = createPackView(pack);
  questions = buildQuestionBank(pack);
});

/** Words that make a question about a review rather than about the show. */
const aboutReviews = /\breview|\bThis Week in Anime\b|\bSYFY\b|\bblog\b|\bDupree\b|\bSteve Jones\b|\bKarama Horne\b/i;
const showQuestions = () => questions.filter((question) => !aboutReviews.test(`${question.prompt} ${question.answer}`));

/** The characters a text names, by the pack's own names. */
const charactersIn = (text: string) =>
  [...new Set(view.findMentions(text).map((mention) => mention.entityId))].flatMap((id) => {
    const entity = view.entitiesById.get(id);
    return entity?.kind === 'character' ? [entity] : [];
  });

describe('the Hero Mask question bank', () => {
  it('asks only about the show, with at least 150 distinct questions and 30 before the first episode', () => {
    expect(showQuestions()).toHaveLength(questions.length);
    expect(new Set(showQuestions().map((question) => question.prompt)).size).toBeGreaterThanOrEqual(150);
    expect(showQuestions().filter((question) => question.revealedIn === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('unlocks at least three questions within every three episodes of season 1', () => {
    for (let first = 1; first + 2 <= 15; first += 1) {
      const unlocking = showQuestions().filter((question) => question.revealedIn >= first && question.revealedIn <= first + 2);
      expect(unlocking.length, `episodes ${first}-${first + 2}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never offers the subject of a generated question as a wrong answer to it', () => {
    for (const question of questions.filter((each) => each.origin === 'generated')) {
      const subjects = new Set(view.findMentions(question.prompt).map((mention) => mention.entityId));
      for (const distractor of question.distractors) {
        const named = view.findMentions(distractor).map((mention) => mention.entityId);
        expect(named.filter((id) => subjects.has(id)), `${question.id}: ${distractor}`).toEqual([]);
      }
    }
  });

  it('offers only characters of the answer’s gender when the pack records it', () => {
    let checked = 0;
    for (const question of questions.filter((each) => each.origin === 'generated')) {
      const [answer] = charactersIn(question.answer);
      if (answer?.gender === undefined || charactersIn(question.distractors.join(' ')).length === 0) continue;
      checked += 1;
      for (const distractor of question.distractors) {
        expect(charactersIn(distractor).map((character) => character.gender?.value), `${question.id}: ${distractor}`).toEqual([answer.gender.value]);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('asks which character an actor voices only when the actor voices one character in that dub', () => {
    const prompts = questions.map((question) => question.prompt);
    expect(prompts).not.toContain('Which character does Cam Clarke voice in the English Netflix dub?');
    expect(prompts).toContain('Which character does Greg Chun voice in the English Netflix dub?');
  });

  it('keeps every date question’s wrong dates apart from the dates the pack holds', () => {
    const datePattern = /^(January|February|March|April|May|June|July|August|September|October|November|December)( \d{1,2},)? \d{4}$/;
    const dateQuestions = pack.questions.filter((question) => datePattern.test(question.answer));
    const answers = new Set(dateQuestions.map((question) => question.answer));
    expect(dateQuestions.length).toBeGreaterThanOrEqual(6);
    for (const question of dateQuestions) expect(question.distractors.filter((distractor) => answers.has(distractor)), question.id).toEqual([]);
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from './loadPack.js';
import type { PackProblem } from './packProblem.js';
import type { EditableJson, PackEdit } from '../../test/support/packFixture.js';
import { copyPack, editPackFile, tinyPackDirectory } from '../../test/support/packFixture.js';

let removeCopy: (() => void) | undefined;
afterEach(() => removeCopy?.());

function brokenCopy(...edits: PackEdit[]): string {
  const copy = copyPack();
  removeCopy = copy.remove;
  for (const [file, edit] of edits) editPackFile(copy.directory, file, edit);
  return copy.directory;
}

function problemsOf(directory: string): PackProblem[] {
  const result = loadPack(directory);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.problems;
}

describe('loadPack', () => {
  it('loads the fixture pack', () => {
    const result = loadPack(tinyPackDirectory);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.manifest.id).toBe('lantern-street');
    expect(result.pack.episodes).toHaveLength(4);
    expect(result.pack.entityFiles.map((file) => file.file)).toEqual(['entities/cast.json', 'entities/world.json']);
  });

  it('lists every schema problem with its file, JSON path and reason, across files', () => {
    const directory = brokenCopy(
      ['episodes.json', (value) => { value.episodes[1].facts[0].revealedIn = -1; }],
      ['entities/cast.json', (value) => { value.entities[0].kind = 'spaceship'; delete value.entities[2].names; }],
      ['questions.json', (value) => { value.questions[0].distractors.pop(); }],
    );
    const problems = problemsOf(directory);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'episodes.json', path: '$.episodes[1].facts[0].revealedIn', reason: expect.stringMatching(/>=0/) },
        { file: 'entities/cast.json', path: '$.entities[0].kind', reason: expect.any(String) },
        { file: 'entities/cast.json', path: '$.entities[2].names', reason: expect.any(String) },
        { file: 'questions.json', path: '$.questions[0].distractors', reason: expect.any(String) },
      ]),
    );
  });

  it('reports a missing file and a file that is not JSON', () => {
    const directory = brokenCopy();
    writeFileSync(join(directory, 'series.json'), '{ not json');
    rmSync(join(directory, 'questions.json'));
    expect(problemsOf(directory)).toEqual(
      expect.arrayContaining([
        { file: 'series.json', path: '$', reason: expect.stringMatching(/^not valid JSON/) },
        { file: 'questions.json', path: '$', reason: 'file is missing' },
      ]),
    );
  });

  type CrossCheckCase = {
    name: string;
    file: string;
    edit: (value: EditableJson) => void;
    expected: { file: string; path: string; reason: RegExp };
  };
  const crossCheckCases: CrossCheckCase[] = [
    {
      name: 'a fact that names a character revealed later (a leak)',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].facts[0].text = 'She is in love with Warden Pike.'; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].facts[0].text', reason: /mentions "Warden Pike".*revealed in 2.*revealed in 1/ },
    },
    {
      name: 'an entity id spelled from a name revealed later (ids reach Discord in autocomplete values)',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].id = 'mira-warden-pike'; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].id', reason: /mentions "Warden Pike"/ },
    },
    {
      name: 'a fact that uses a real name before it is revealed',
      file: 'episodes.json',
      edit: (value) => { value.episodes[0].facts[0].text = 'Mira meets Jonah Reed at the post office.'; },
      expected: { file: 'episodes.json', path: '$.episodes[0].facts[0].text', reason: /mentions "Jonah Reed"/ },
    },
    {
      name: 'a hand-written question whose distractor names a later character',
      file: 'questions.json',
      edit: (value) => { value.questions[0].distractors[0] = 'Warden Pike'; },
      expected: { file: 'questions.json', path: '$.questions[0].distractors[0]', reason: /mentions "Warden Pike"/ },
    },
    {
      name: 'an affiliation with an unknown organisation',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].affiliations[0].target = 'day-office'; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].affiliations[0].target', reason: /not an organisation/ },
    },
    {
      name: 'a source that pack.json does not list',
      file: 'series.json',
      edit: (value) => { value.series.facts[0].source = 'seed:999'; },
      expected: { file: 'series.json', path: '$.series.facts[0].source', reason: /"seed:999" is not listed/ },
    },
    {
      name: 'a name revealed before its entity',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[1].names[1].revealedIn = 0; },
      expected: { file: 'entities/cast.json', path: '$.entities[1].names[1].revealedIn', reason: /before its entity/ },
    },
    {
      name: 'a voice actor revealed before the character',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[2].voiceActors[0].revealedIn = 1; },
      expected: { file: 'entities/cast.json', path: '$.entities[2].voiceActors[0].revealedIn', reason: /before its character/ },
    },
    {
      name: 'seasons that do not add up to the episodes',
      file: 'series.json',
      edit: (value) => { value.series.seasons[1].episodeCount = 3; },
      expected: { file: 'episodes.json', path: '$.episodes', reason: /add up to 5 episodes but 4/ },
    },
    {
      name: 'an episode numbered wrongly within its season',
      file: 'episodes.json',
      edit: (value) => { value.episodes[2].numberInSeason = 2; },
      expected: { file: 'episodes.json', path: '$.episodes[2].numberInSeason', reason: /absolute 4, not 3/ },
    },
    {
      name: 'a stamp after the last episode',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].facts[0].revealedIn = 9; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].facts[0].revealedIn', reason: /after the last episode/ },
    },
    {
      name: 'an entity id used twice',
      file: 'entities/world.json',
      edit: (value) => { value.entities[0].id = 'mira-vale'; },
      expected: { file: 'entities/world.json', path: '$.entities[0].id', reason: /used more than once/ },
    },
    {
      name: 'an undeclared dub',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].voiceActors[0].dub = 'french'; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].voiceActors[0].dub', reason: /not declared/ },
    },
    {
      name: 'a production fact about season 2 shown before season 1 is over',
      file: 'series.json',
      edit: (value) => { value.series.facts[0].text = 'Season 2 added a new storyboard artist.'; },
      expected: { file: 'series.json', path: '$.series.facts[0].revealedIn', reason: /speaks of season 2.*end of season 1 \(2\), not 0/ },
    },
    {
      name: 'a role that speaks of the second season before the first is over',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].roles[0].value = 'a letter carrier who quits in the second season'; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].roles[0].revealedIn', reason: /speaks of season 2/ },
    },
    {
      name: 'a review verdict shown before episode 1',
      file: 'series.json',
      edit: (value) => { value.series.facts[0].category = 'reception'; },
      expected: { file: 'series.json', path: '$.series.facts[0].revealedIn', reason: /never before episode 1/ },
    },
    {
      name: 'a gender citing an undeclared source',
      file: 'entities/cast.json',
      edit: (value) => { value.entities[0].gender = { value: 'female', source: 'seed:999' }; },
      expected: { file: 'entities/cast.json', path: '$.entities[0].gender.source', reason: /"seed:999" is not listed/ },
    },
    {
      name: 'a question that offers its own subject as a wrong answer',
      file: 'questions.json',
      edit: (value) => { value.questions[0].prompt = 'Which studio did Mira Vale work for?'; value.questions[0].distractors[1] = 'Mira Vale'; },
      expected: { file: 'questions.json', path: '$.questions[0].distractors[1]', reason: /offers "Mira Vale", whom the question is about/ },
    },
    {
      name: 'a question whose wrong answer is a character of another gender than the answer',
      file: 'questions.json',
      edit: (value) => { value.questions[1].distractors[1] = 'Mira Vale'; },
      expected: { file: 'questions.json', path: '$.questions[1].distractors[1]', reason: /offers a female character where the answer is male/ },
    },
    {
      name: 'a question that gives its answer as a distractor',
      file: 'questions.json',
      edit: (value) => { value.questions[0].distractors[2] = 'paper moth'; },
      expected: { file: 'questions.json', path: '$.questions[0].distractors', reason: /must all differ/ },
    },
  ];

  it('lets a release fact name a later season from the start: a release is announced, not watched', () => {
    const directory = brokenCopy(['series.json', (value) => { value.series.facts[0] = { ...value.series.facts[0], category: 'release', text: 'Season 2 premiered a year later.' }; }]);
    expect(loadPack(directory).ok).toBe(true);
  });

  it.each(crossCheckCases)('catches $name', ({ file, edit, expected }) => {
    const problems = problemsOf(brokenCopy([file, edit]));
    expect(problems).toContainEqual({ file: expected.file, path: expected.path, reason: expect.stringMatching(expected.reason) });
  });

  it('lists several cross-check problems in one run', () => {
    const problems = problemsOf(
      brokenCopy(...crossCheckCases.slice(0, 4).map((testCase): PackEdit => [testCase.file, testCase.edit])),
    );
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });
});

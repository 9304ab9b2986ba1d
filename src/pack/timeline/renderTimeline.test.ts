import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '../compiledQuestion.js';
import { loadPack } from '../loadPack.js';
import { listPackItems } from '../packItems.js';
import type { Pack } from '../packSchema.js';
import { buildQuestionBank } from '../questions/buildQuestionBank.js';
import { heroMaskPackDirectory, tinyPackDirectory } from '../../../test/support/packFixture.js';
import { itemLocator, questionLocator, renderTimeline } from './renderTimeline.js';

function loaded(directory: string): { pack: Pack; questions: CompiledQuestion[]; timeline: string } {
  const result = loadPack(directory);
  if (!result.ok) throw new Error(`${directory} should load`);
  const questions = buildQuestionBank(result.pack);
  return { pack: result.pack, questions, timeline: renderTimeline(result.pack, questions) };
}

/** The lines of the section for one progress ("## After episode 4 …" up to the next "## "). */
function section(timeline: string, heading: string): string[] {
  const lines = timeline.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${heading}`));
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start, end === -1 ? undefined : end);
}

const timesListed = (timeline: string, locator: string) => timeline.split('\n').filter((line) => line.endsWith(`\`${locator}\``)).length;

describe.each([
  ['the Hero Mask pack', heroMaskPackDirectory],
  ['the fixture pack', tinyPackDirectory],
])('the timeline of %s', (_name, directory) => {
  let pack: Pack;
  let questions: CompiledQuestion[];
  let timeline: string;
  beforeAll(() => ({ pack, questions, timeline } = loaded(directory)));

  it('lists every pack item and every trivia question exactly once', () => {
    const items = listPackItems(pack);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(timesListed(timeline, itemLocator(item)), itemLocator(item)).toBe(1);
    for (const question of questions) expect(timesListed(timeline, questionLocator(question)), question.id).toBe(1);
    const listedLines = timeline.split('\n').filter((line) => line.startsWith('- '));
    expect(listedLines).toHaveLength(items.length + questions.length);
  });

  it('lists each item in the section of the episode that reveals it, with its source', () => {
    for (const item of listPackItems(pack)) {
      const heading = item.revealedIn === 0 ? 'Before episode 1' : `After episode ${item.revealedIn} `;
      const line = section(timeline, heading).find((each) => each.endsWith(`\`${itemLocator(item)}\``));
      expect(line, itemLocator(item)).toContain(`\`${item.source}\``);
    }
  });
});

describe('the Hero Mask timeline', () => {
  it('is current in data/packs/hero-mask/TIMELINE.md (run `npm run kb:timeline` after changing the pack)', () => {
    expect(readFileSync(join(heroMaskPackDirectory, 'TIMELINE.md'), 'utf8')).toBe(loaded(heroMaskPackDirectory).timeline);
  });

  it('shows a question with its answer and its wrong options, where a reviewer can check the stamp', () => {
    const { timeline } = loaded(heroMaskPackDirectory);
    const afterTwelve = section(timeline, 'After episode 12 ').join('\n');
    expect(afterTwelve).toContain('Who is the mole inside the prosecution service? → **Robert Walter** (also offered: ');
    expect(afterTwelve).toContain('**robert**: Robert Walter (primary) — `research:S1-subs`');
    expect(section(timeline, 'After episode 8 ').join('\n')).toContain('**harry**: a mercenary working for LIVE Corporation and Geffrey Connor — `seed:003`');
  });
});

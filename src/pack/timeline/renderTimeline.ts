import type { CompiledQuestion } from '../compiledQuestion.js';
import type { PackItem, PackItemKind } from '../packItems.js';
import { listPackItems } from '../packItems.js';
import { formatJsonPath } from '../packProblem.js';
import type { Pack } from '../packSchema.js';

/** Each kind's heading, in the order items are listed within an episode: who, what they are, what happens. */
const headings: Record<PackItemKind, string> = {
  'series title': 'Series titles',
  staff: 'Staff',
  entity: 'Entities',
  name: 'Names',
  role: 'Roles',
  affiliation: 'Affiliations',
  gender: 'Genders',
  'voice actor': 'Voice actors',
  'episode title': 'Episode titles',
  fact: 'Facts',
};
const kindOrder = Object.keys(headings) as PackItemKind[];

/** Where an item lives, unique in the pack: the test that every item is listed once looks for it. */
export function itemLocator(item: Pick<PackItem, 'file' | 'path'>): string {
  return `${item.file} ${formatJsonPath(item.path)}`;
}

export function questionLocator(question: Pick<CompiledQuestion, 'id'>): string {
  return `question ${question.id}`;
}

/**
 * A Markdown review of a pack: for each progress from 0 to the last episode, everything that becomes
 * visible there, with its source and where it lives. A reviewer reads an episode's section against
 * the sources to catch a stamp set too early; every item and question appears exactly once.
 */
export function renderTimeline(pack: Pack, questions: readonly CompiledQuestion[]): string {
  const items = listPackItems(pack);
  const lines = [
    `# ${pack.manifest.title}: what becomes visible, episode by episode`,
    '',
    'Written by `npm run kb:timeline` from the pack files; do not edit by hand. Each section lists what a',
    'party sees once it has finished that episode and not before: check each line against its source.',
    `${items.length} items and ${questions.length} trivia questions.`,
  ];
  for (let progress = 0; progress <= pack.episodes.length; progress += 1) {
    const visibleNow = items.filter((item) => item.revealedIn === progress);
    const questionsNow = questions.filter((question) => question.revealedIn === progress);
    if (visibleNow.length === 0 && questionsNow.length === 0) continue;
    lines.push('', `## ${sectionTitle(pack, progress)}`);
    for (const kind of kindOrder) {
      const ofKind = visibleNow.filter((item) => item.kind === kind);
      if (ofKind.length === 0) continue;
      lines.push('', `### ${headings[kind]}`, '', ...ofKind.map(itemLine));
    }
    if (questionsNow.length > 0) lines.push('', '### Trivia questions', '', ...questionsNow.map(questionLine));
  }
  return `${lines.join('\n')}\n`;
}

function sectionTitle(pack: Pack, progress: number): string {
  if (progress === 0) return 'Before episode 1 (progress 0)';
  const episode = pack.episodes[progress - 1];
  const place = episode ? ` (S${episode.season}E${episode.numberInSeason})` : '';
  return `After episode ${progress}${place}`;
}

function itemLine(item: PackItem): string {
  const category = item.category ? ` (${item.category})` : '';
  return `- **${item.owner}**${category}: ${item.text} — \`${item.source}\` · \`${itemLocator(item)}\``;
}

function questionLine(question: CompiledQuestion): string {
  return `- ${question.prompt} → **${question.answer}** (also offered: ${question.distractors.join('; ')}) — \`${question.source}\` · \`${questionLocator(question)}\``;
}

import { specialsSeason } from '../../domain/episodeLabels.js';
import type { StaffRole } from '../packSchema.js';
import { staffRoleNames } from '../staffRoleNames.js';
import type { PackView } from './packView.js';
import { neighbourNumberCandidates } from './pickDistractors.js';
import type { QuestionDraft } from './questionDraft.js';

const staffPrompts: Record<StaffRole, (title: string) => string> = {
  director: (title) => `Who directed ${title}?`,
  writer: (title) => `Who wrote ${title}?`,
  'character-designer': (title) => `Who designed the characters of ${title}?`,
  composer: (title) => `Who composed the music of ${title}?`,
  producer: (title) => `Who is a producer of ${title}?`,
  'episode-director': (title) => `Who joined ${title} for storyboards and episode direction?`,
};

/** Who did what on the production: distractors are the other staff. Never spoilers. */
export function staffQuestions(view: PackView): QuestionDraft[] {
  const { staff } = view.pack.series;
  const personName = (personId: string): string => {
    const person = view.entitiesById.get(personId);
    return person ? view.nameAt(person, 0).name : personId;
  };
  return staff.map((member) => {
    const holders = new Set(staff.filter((other) => other.role === member.role).map((other) => other.personId));
    const answer = personName(member.personId);
    return {
      key: `staff-${member.role}-${member.personId}`,
      prompt: staffPrompts[member.role](view.title),
      answer,
      candidates: staff
        .filter((other) => !holders.has(other.personId))
        .map((other) => ({ text: personName(other.personId), revealedIn: 0 })),
      explanation: `${answer} is the ${staffRoleNames[member.role]} of ${view.title}.`,
      difficulty: member.role === 'director' ? 'easy' : 'medium',
      aboutEpisode: null,
      revealedIn: 0,
      source: member.source,
    };
  });
}

/** Episode counts and release years of each season and of the whole series. */
export function seasonQuestions(view: PackView): QuestionDraft[] {
  const { seasons } = view.pack.series;
  const total = view.pack.episodes.length;
  const totalQuestion: QuestionDraft = {
    key: 'episode-count-total',
    prompt: `How many episodes does ${view.title} have in all?`,
    answer: String(total),
    candidates: neighbourNumberCandidates('episode-count-total', total, 1),
    explanation: `${view.title} has ${total} episodes over ${seasons.length} season${seasons.length === 1 ? '' : 's'}.`,
    difficulty: 'easy',
    aboutEpisode: null,
    revealedIn: 0,
    source: seasons[0]?.source ?? '',
  };
  // Specials (season 0) read as a group of episodes, not a numbered season.
  const isSpecials = (season: { number: number }) => season.number === specialsSeason;
  const countPrompt = (season: { number: number; label: string }) =>
    isSpecials(season)
      ? `How many episodes are in the ${season.label} of ${view.title}?`
      : `How many episodes does season ${season.number} of ${view.title} (${season.label}) have?`;
  const yearPrompt = (season: { number: number; label: string }) =>
    isSpecials(season)
      ? `In which year did the ${season.label} of ${view.title} come out?`
      : `In which year was season ${season.number} of ${view.title} (${season.label}) released?`;
  const perSeason = seasons.flatMap((season): QuestionDraft[] => {
    const countQuestion: QuestionDraft = {
      key: `episode-count-season-${season.number}`,
      prompt: countPrompt(season),
      answer: String(season.episodeCount),
      candidates: neighbourNumberCandidates(`episode-count-season-${season.number}`, season.episodeCount, 1),
      explanation: isSpecials(season)
        ? `There ${season.episodeCount === 1 ? 'is 1 episode' : `are ${season.episodeCount} episodes`} in the ${season.label}.`
        : `Season ${season.number} (${season.label}) has ${season.episodeCount} episodes.`,
      difficulty: 'easy',
      aboutEpisode: null,
      revealedIn: 0,
      source: season.source,
    };
    if (season.releaseDate === null) return [countQuestion];
    const year = Number(season.releaseDate.slice(0, 4));
    return [
      countQuestion,
      {
        key: `release-year-season-${season.number}`,
        prompt: yearPrompt(season),
        answer: String(year),
        candidates: neighbourNumberCandidates(`release-year-season-${season.number}`, year, 1),
        explanation: `${isSpecials(season) ? `The ${season.label} came out` : `Season ${season.number} (${season.label}) was released`} on ${season.releaseDate}.`,
        difficulty: 'medium',
        aboutEpisode: null,
        revealedIn: 0,
        source: season.source,
      },
    ];
  });
  return [totalQuestion, ...perSeason];
}

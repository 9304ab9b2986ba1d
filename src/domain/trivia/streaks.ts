/** The length of the longest run of consecutive correct answers, in the order they were given. */
export function bestStreak(answersInOrder: readonly { correct: boolean }[]): number {
  let best = 0;
  let current = 0;
  for (const { correct } of answersInOrder) {
    current = nextStreak(current, correct);
    best = Math.max(best, current);
  }
  return best;
}

/** A correct answer extends the run; anything else (a wrong answer, a missed question) ends it. */
export function nextStreak(current: number, correct: boolean): number {
  return correct ? current + 1 : 0;
}

/** Uniform numbers in [0, 1). Injected everywhere so quizzes replay exactly in tests. */
export type Random = () => number;

/** mulberry32: tiny and well spread, good for shuffling questions, never for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates into a new array; the input is left alone. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    // Math.min guards a random() that returns exactly 1, which would index past the end.
    const other = Math.min(index, Math.floor(random() * (index + 1)));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/**
 * `work`'s result, or `fallback()`'s once `milliseconds` have passed, whichever comes first. The timer is
 * cleared as soon as the race is decided, so a busy bot does not carry one timer per call.
 */
export async function withTimeout<Result, Fallback>(work: Promise<Result>, milliseconds: number, fallback: () => Fallback): Promise<Result | Fallback> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Fallback>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), milliseconds);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

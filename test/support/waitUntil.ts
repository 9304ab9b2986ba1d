/** How often a condition is checked again: often enough not to slow a test, rarely enough not to load the machine. */
const checkEveryMilliseconds = 20;

/**
 * The one way tests wait for something the bot does in the background: resolves once `condition()` holds, and
 * rejects after `timeoutMilliseconds` saying what it waited for (and, if given, the state it saw last).
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMilliseconds?: number; describeState?: () => string } = {},
): Promise<void> {
  const timeoutMilliseconds = options.timeoutMilliseconds ?? 10_000;
  const deadline = performance.now() + timeoutMilliseconds;
  while (!(await condition())) {
    if (performance.now() > deadline) {
      const state = options.describeState ? `\n${options.describeState()}` : '';
      throw new Error(`still waiting for ${what} after ${timeoutMilliseconds} ms${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, checkEveryMilliseconds));
  }
}

/** An interaction the router answers with a friendly ephemeral message instead of running it (counted, not logged as an error). */
export class Refusal extends Error {
  constructor(
    readonly userMessage: string,
    readonly outcome: 'refused' | 'invalid',
  ) {
    super(userMessage);
  }
}

/** What the command line prints when the bot cannot start: what went wrong, and what to run next. */

/** `runWith`: the command that failed, as the user runs it (`npm start`, `npm run deploy-commands`). */
export function missingTokenMessage(runWith: string): string {
  return [
    'DISCORD_TOKEN is not set, so the bot cannot log in to Discord.',
    'Create an application and a bot at https://discord.com/developers/applications, copy the bot token,',
    `and put it in a .env file (see .env.example) or the environment: DISCORD_TOKEN=your-token ${runWith}`,
    'To try the bot without a token, run: npm run playground',
  ].join('\n');
}

/** How the user started the bot, from the entry module: built (`dist/bot/main.js`) or from the sources. */
export function startCommand(entryModuleUrl: string): string {
  return entryModuleUrl.endsWith('.js') ? 'npm run start:production' : 'npm start';
}

/** Error codes of a connection that never reached Discord: no name lookup, no route, refused, timed out. */
const networkErrorCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const { code, status } = current as Error & { code?: unknown; status?: unknown };
    if (typeof code === 'string') codes.push(code);
    // A REST call with a refused token answers 401 (discord.js's login says TokenInvalid instead).
    if (status === 401) codes.push('TokenInvalid');
  }
  return codes;
}

/** One readable sentence for a failed start: a refused token and a failed network each say what to do. */
export function describeStartFailure(error: unknown): string {
  const codes = errorCodes(error);
  if (codes.includes('TokenInvalid')) {
    return 'Discord refused the bot token in DISCORD_TOKEN: it is mistyped, or it was reset. Copy the current one from https://discord.com/developers/applications (your application → Bot → Reset Token) and start again.';
  }
  const network = codes.find((code) => networkErrorCodes.has(code));
  if (network) {
    return `Could not reach Discord: the network failed (${network}). Check this machine's internet connection (and DISCORD_API_BASE, if you set it), then start again.`;
  }
  return `Watchalong could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** What users read when something is not possible. Friendly, and each says what to do next. */
export const userMessages = {
  serverOnly: 'Watchalong works inside a server. Use this command in a server channel where the bot is present.',
  notInServer:
    'I’m not in this server, so I can’t keep a watch party here. A server admin can invite me (Add App on my profile), then try again.',
  unknownCommand: 'I do not know that command (it may have just been updated). Wait a minute and try again.',
  notAllowed: (who: string) => `Only ${who} can do that. Ask one of them to do it for you.`,
  notHostOf: (party: string) =>
    `That belongs to the **${party}** watch party, and only its hosts (Manage Server, its host role or the server host role) can change it. Ask one of them to do it for you.`,
  invalidOptions: (problems: string) => `That did not look right: ${problems}. Check the options and try again.`,
  seriesUnavailable: (party: string, seriesId: string) =>
    `The **${party}** watch party watches \`${seriesId}\`, which this bot cannot load right now. A server admin can switch it with \`/party series\`; whoever runs the bot sees why in its logs and on /healthz.`,
  staleComponent: 'This button is no longer active. Run the command again to get a fresh one.',
  shuttingDown: 'Watchalong is restarting. Please try again in a few seconds.',
  internalError: (errorId: string) =>
    `Something went wrong on my side (error id \`${errorId}\`). Please try again; if it keeps happening, tell a server admin and quote the id.`,
} as const;

import { REST } from 'discord.js';
import { commands } from '../commands/index.js';
import { loadConfig } from '../src/config/config.js';
import { registerCommands } from '../src/discord/registerCommands.js';
import { describeStartFailure, missingTokenMessage } from '../src/startMessages.js';

/**
 * `npm run deploy-commands [-- --guild ID]`: registers the slash commands now (one bulk overwrite),
 * globally or to one server. The bot also does this at start when the definitions changed.
 */
const config = loadConfig();
if (!config.DISCORD_TOKEN) {
  console.error(missingTokenMessage('npm run deploy-commands'));
  process.exit(1);
}
const guildFlag = process.argv.indexOf('--guild');
const guildId = guildFlag > 0 ? process.argv[guildFlag + 1] : config.DEV_GUILD_ID;

const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
try {
  const application = (await rest.get('/applications/@me')) as { id: string };
  const definitions = commands.map((command) => command.definition);
  await registerCommands(rest, { applicationId: application.id, ...(guildId ? { guildId } : {}) }, definitions);
  console.log(`Registered ${definitions.length} commands ${guildId ? `to server ${guildId}` : 'globally (may take up to an hour to appear)'}.`);
} catch (error) {
  console.error(describeStartFailure(error));
  process.exit(1);
}

/** The bare discord.js baseline (default caches, answers "pong") in its own process, with the benchmark's IPC channel. */
import { createPongBot } from '../../test/fakeDiscord/pongBot.js';
import { answerParent } from './answerParent.js';

const apiBase = process.env['DISCORD_API_BASE'];
if (!apiBase) throw new Error('bench pong process: DISCORD_API_BASE is not set');
const client = await createPongBot(apiBase, { restRequestsPerSecond: Number(process.env['REST_REQUESTS_PER_SECOND'] ?? 1000) });
process.on('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
answerParent(() => client.guilds.cache.size);

/**
 * The real bot as `npm start` runs it in one process (src/main.ts runAlone: process metrics, JSON logs), plus
 * an IPC channel for the benchmark's questions. Configured by the environment like the bot.
 */
import { startBot } from '../../src/bot.js';
import { parseConfig } from '../../src/config/config.js';
import { createMetrics } from '../../src/health/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import { answerParent } from './answerParent.js';

const config = parseConfig(process.env);
const token = config.DISCORD_TOKEN;
if (!token) throw new Error('bench bot process: DISCORD_TOKEN is not set');
const logger = createLogger({ level: config.LOG_LEVEL, pretty: false });
const metrics = createMetrics();
const bot = await startBot({ config: { ...config, DISCORD_TOKEN: token }, logger, metrics });
process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
answerParent(() => bot.client.guilds.cache.size);
// As in main: once ready, as the bot says it is.
metrics.collectProcessMetrics();

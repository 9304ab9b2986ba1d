import { startBot } from './bot.js';
import { ConfigError, loadConfig, missingTokenMessage } from './config/config.js';
import { createLogger } from './logging/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const token = config.DISCORD_TOKEN;
  if (!token) {
    console.error(missingTokenMessage);
    process.exit(1);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const bot = await startBot({ config: { ...config, DISCORD_TOKEN: token }, logger });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error('Watchalong could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import { config as loadDotEnv } from 'dotenv';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An environment variable set to an empty string counts as not set. */
function unsetWhenEmpty<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** Loopback hosts, where plain http never leaves the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Every REST call carries the bot token, so it goes over https; plain http only to this machine (tests, a local proxy). */
const apiBase = z
  .url('must be a URL such as https://discord.com/api')
  .refine((value) => {
    if (!URL.canParse(value)) return true; // z.url has already said so
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  }, 'must use https (plain http only to 127.0.0.1, ::1 or localhost), since every request carries the bot token');

/** `0` or `[0,1]`: how discord.js's sharding manager tells a shard process which shards it runs. */
const shardList = z
  .string()
  .regex(/^\[?\s*\d+(\s*,\s*\d+)*\s*\]?$/, 'must be a shard id or a list such as [0,1]')
  .transform((value) => (value.match(/\d+/g) ?? []).map(Number));

/** Every setting the bot reads from its environment. Parsed once at start; nothing else reads process.env. */
export const configSchema = z.object({
  DISCORD_TOKEN: unsetWhenEmpty(z.string().trim()),
  DISCORD_API_BASE: apiBase.default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default('data/watchalong.sqlite'),
  KNOWLEDGE_PACKS_DIR: z.string().min(1).default('data/packs'),
  // The single-pack setting of installs from before several series: that one folder is the only pack.
  KNOWLEDGE_PACK_DIR: unsetWhenEmpty(z.string()),
  KNOWLEDGE_BASE_DIR: z.string().min(1).default('data/knowledge'),
  KNOWLEDGE_BASE_PATH: unsetWhenEmpty(
    z.never({
      error: 'is no longer read: each pack is now compiled to its own file in KNOWLEDGE_BASE_DIR (default data/knowledge). Remove KNOWLEDGE_BASE_PATH, and set KNOWLEDGE_BASE_DIR if you want them elsewhere',
    }),
  ),
  DEV_GUILD_ID: unsetWhenEmpty(snowflake),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  HEALTH_PORT: unsetWhenEmpty(z.coerce.number().int().min(1).max(65535)),
  // Loopback unless the operator opens it up (the Docker image listens on 0.0.0.0 so the published port works).
  HEALTH_HOST: unsetWhenEmpty(z.string().trim().regex(/^[\w.:-]+$/, 'must be an address such as 127.0.0.1 or 0.0.0.0')).transform((value) => value ?? '127.0.0.1'),
  SHARD_COUNT: unsetWhenEmpty(z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)])),
  REST_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
  // Set by discord.js's ShardingManager in each shard process it starts (with SHARD_COUNT as a number); not for operators.
  SHARDING_MANAGER: unsetWhenEmpty(z.stringbool()),
  SHARDS: unsetWhenEmpty(shardList),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(environment: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(environment);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

/** Reads the process environment (and a .env file, if present). Called once, at start. */
export function loadConfig(): Config {
  loadDotEnv({ quiet: true });
  return parseConfig(process.env);
}

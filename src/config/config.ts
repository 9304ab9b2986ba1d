import * as z from 'zod';

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

/**
 * A container's service name on its compose or cluster network (`rest-proxy`): a single label with no dots, which no
 * public DNS name is, so it resolves only inside that private network.
 */
function isServiceName(hostname: string): boolean {
  return /^[a-z][a-z0-9-]*$/i.test(hostname) && hostname.toLowerCase() !== 'localhost';
}

/**
 * Every REST call carries the bot token, so it goes over https; plain http only to this machine (tests, a local proxy)
 * or to a service name on the hosts' private network (a shared REST proxy in docker-compose.yml).
 */
const apiBase = z
  .url('must be a URL such as https://discord.com/api')
  .refine((value) => {
    if (!URL.canParse(value)) return true; // z.url has already said so
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (isLoopback(url.hostname) || isServiceName(url.hostname)));
  }, 'must use https (plain http only to 127.0.0.1, ::1, localhost or a private service name such as rest-proxy), since every request carries the bot token');

/** `0` or `[0,1]`: how discord.js's sharding manager tells a shard process which shards it runs. */
const shardList = z
  .string()
  .regex(/^\[?\s*\d+(\s*,\s*\d+)*\s*\]?$/, 'must be a shard id or a list such as [0,1]')
  .transform((value) => (value.match(/\d+/g) ?? []).map(Number));

/** `0-7`, `8-15` or `0,2,4-6`: the shards this host runs, out of SHARD_COUNT. */
const shardRanges = z
  .string()
  .trim()
  .regex(/^\d+(-\d+)?(\s*,\s*\d+(-\d+)?)*$/, 'must be shard ids and ranges such as 0-7 or 0,2,4-6')
  .transform((value, context) => {
    const ids = new Set<number>();
    for (const part of value.split(',')) {
      const [first, last = first] = part.trim().split('-').map(Number) as [number, number?];
      if (last < first) context.addIssue({ code: 'custom', message: `${part.trim()} runs backwards` });
      for (let id = first; id <= last; id++) ids.add(id);
    }
    return [...ids].sort((left, right) => left - right);
  });

/** A PostgreSQL connection URL; the bot's state then lives on that server instead of DATABASE_PATH. */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && ['postgres:', 'postgresql:'].includes(new URL(value).protocol), 'must be a URL such as postgres://user:password@host:5432/watchalong');

/** Every setting the bot reads from its environment. Parsed once at start; nothing else reads process.env. */
export const configSchema = z.object({
  DISCORD_TOKEN: unsetWhenEmpty(z.string().trim()),
  DISCORD_API_BASE: apiBase.default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default('data/watchalong.sqlite'),
  DATABASE_URL: unsetWhenEmpty(postgresUrl),
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
  // This host's share of SHARD_COUNT when several hosts split the shards; unset: all of them.
  SHARD_IDS: unsetWhenEmpty(shardRanges),
  REST_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
  // Set by discord.js's ShardingManager in each shard process it starts (with SHARD_COUNT as a number); not for operators.
  SHARDING_MANAGER: unsetWhenEmpty(z.stringbool()),
  SHARDS: unsetWhenEmpty(shardList),
});

export type Config = z.infer<typeof configSchema>;

/** Rules between settings, checked after each is valid on its own. */
function crossCheck(config: Config): string[] {
  const problems: string[] = [];
  if (config.SHARD_IDS && config.SHARDING_MANAGER === undefined) {
    if (typeof config.SHARD_COUNT !== 'number') problems.push('SHARD_IDS: needs SHARD_COUNT set to the total number of shards of every host (a number, not auto)');
    else if (config.SHARD_IDS.some((id) => id >= (config.SHARD_COUNT as number))) {
      problems.push(`SHARD_IDS: every shard id must be below SHARD_COUNT (${config.SHARD_COUNT}); shards are numbered from 0`);
    }
  }
  return problems;
}

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
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/**
 * Reads the process environment, and a .env file in the working directory if there is one (what the environment
 * sets wins). Called once, at start. Node reads the file itself: the dotenv package took ~20 ms of every start to load.
 */
export function loadConfig(envFile = '.env'): Config {
  try {
    process.loadEnvFile(envFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return parseConfig(process.env);
}

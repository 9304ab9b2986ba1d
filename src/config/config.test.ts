import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('applies defaults for everything optional', () => {
    const config = parseConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_API_BASE).toBe('https://discord.com/api');
    expect(config.DATABASE_PATH).toBe('data/watchalong.sqlite');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DEV_GUILD_ID).toBeUndefined();
  });

  it('reads the packs from data/packs and compiles each into data/knowledge, unless told otherwise', () => {
    expect(parseConfig({})).toMatchObject({ KNOWLEDGE_PACKS_DIR: 'data/packs', KNOWLEDGE_BASE_DIR: 'data/knowledge' });
    expect(parseConfig({}).KNOWLEDGE_PACK_DIR).toBeUndefined();
  });

  it('refuses the single compiled file setting of older installs, saying what replaced it', () => {
    expect(() => parseConfig({ KNOWLEDGE_BASE_PATH: 'data/knowledge.sqlite' })).toThrowError(
      'KNOWLEDGE_BASE_PATH: is no longer read: each pack is now compiled to its own file in KNOWLEDGE_BASE_DIR',
    );
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '  ', DEV_GUILD_ID: '' }).DEV_GUILD_ID).toBeUndefined();
  });

  it.each([
    [{ DISCORD_API_BASE: 'not a url' }, 'DISCORD_API_BASE'],
    [{ DEV_GUILD_ID: '12' }, 'DEV_GUILD_ID'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT'],
    [{ SHARD_COUNT: 'many' }, 'SHARD_COUNT'],
  ])('names the bad variable in %o', (environment, variable) => {
    expect(() => parseConfig(environment)).toThrowError(ConfigError);
    expect(() => parseConfig(environment)).toThrowError(variable);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ LOG_LEVEL: 'loud', DEV_GUILD_ID: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('accepts SHARD_COUNT as a number or auto', () => {
    expect(parseConfig({ SHARD_COUNT: '2' }).SHARD_COUNT).toBe(2);
    expect(parseConfig({ SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
  });

  it.each([
    { SHARDS: '0', shards: [0] },
    { SHARDS: '[0,1]', shards: [0, 1] },
    { SHARDS: '[ 3, 4 ]', shards: [3, 4] },
  ])('reads the shard list $SHARDS that the sharding manager hands a shard process', ({ SHARDS, shards }) => {
    const config = parseConfig({ SHARDING_MANAGER: 'true', SHARDS, SHARD_COUNT: '5' });
    expect(config).toMatchObject({ SHARDING_MANAGER: true, SHARDS: shards, SHARD_COUNT: 5 });
  });

  it.each(['http://127.0.0.1:4000/api', 'http://127.8.9.10/api', 'http://localhost:4000/api', 'http://[::1]:4000/api', 'https://proxy.example/api', 'http://rest-proxy:8080/api'])(
    'accepts DISCORD_API_BASE %s (https, or http to this machine or a private service name)',
    (DISCORD_API_BASE) => {
      expect(parseConfig({ DISCORD_API_BASE }).DISCORD_API_BASE).toBe(DISCORD_API_BASE);
    },
  );

  it.each(['http://discord.com/api', 'http://10.0.0.5/api', 'http://127.0.0.1.example/api', 'ftp://127.0.0.1/api'])(
    'refuses DISCORD_API_BASE %s, which would send the token in clear text',
    (DISCORD_API_BASE) => {
      expect(() => parseConfig({ DISCORD_API_BASE })).toThrowError(/DISCORD_API_BASE: must use https/);
    },
  );

  it('listens for health checks on loopback unless HEALTH_HOST says otherwise', () => {
    expect(parseConfig({}).HEALTH_HOST).toBe('127.0.0.1');
    expect(parseConfig({ HEALTH_HOST: '' }).HEALTH_HOST).toBe('127.0.0.1');
    expect(parseConfig({ HEALTH_HOST: '0.0.0.0' }).HEALTH_HOST).toBe('0.0.0.0');
    expect(() => parseConfig({ HEALTH_HOST: 'a host; rm' })).toThrowError('HEALTH_HOST');
  });

  it('rejects a shard list that is not one', () => {
    expect(() => parseConfig({ SHARDS: 'zero' })).toThrowError('SHARDS');
  });

  it('keeps the state in PostgreSQL when DATABASE_URL is a postgres:// URL, and in DATABASE_PATH otherwise', () => {
    expect(parseConfig({}).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: 'postgres://bot:secret@db:5432/watchalong' }).DATABASE_URL).toBe('postgres://bot:secret@db:5432/watchalong');
    expect(parseConfig({ DATABASE_URL: 'postgresql://db/watchalong' }).DATABASE_URL).toBe('postgresql://db/watchalong');
    expect(() => parseConfig({ DATABASE_URL: 'mysql://db/watchalong' })).toThrowError(/DATABASE_URL: must be a URL such as postgres:/);
  });

  it.each([
    { SHARD_IDS: '0-3', shards: [0, 1, 2, 3] },
    { SHARD_IDS: '4-7', shards: [4, 5, 6, 7] },
    { SHARD_IDS: '0,2, 5-6', shards: [0, 2, 5, 6] },
  ])('runs shards $SHARD_IDS of SHARD_COUNT on this host', ({ SHARD_IDS, shards }) => {
    expect(parseConfig({ SHARD_COUNT: '8', SHARD_IDS }).SHARD_IDS).toEqual(shards);
  });

  it.each([
    { environment: { SHARD_IDS: '0-3' }, problem: /SHARD_IDS: needs SHARD_COUNT/ },
    { environment: { SHARD_COUNT: 'auto', SHARD_IDS: '0-3' }, problem: /SHARD_IDS: needs SHARD_COUNT/ },
    { environment: { SHARD_COUNT: '4', SHARD_IDS: '2-5' }, problem: /SHARD_IDS: every shard id must be below SHARD_COUNT \(4\)/ },
    { environment: { SHARD_COUNT: '8', SHARD_IDS: '5-2' }, problem: /5-2 runs backwards/ },
    { environment: { SHARD_COUNT: '8', SHARD_IDS: 'all' }, problem: /SHARD_IDS: must be shard ids and ranges/ },
  ])('refuses SHARD_IDS that cannot work: $environment', ({ environment, problem }) => {
    expect(() => parseConfig(environment)).toThrowError(problem);
  });
});

describe('loadConfig', () => {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-config-'));
  const names = ['REST_REQUESTS_PER_SECOND', 'LOG_LEVEL'];
  const before = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  });

  it('takes settings from a .env file, the environment winning, and does without one', () => {
    const envFile = join(folder, '.env');
    writeFileSync(envFile, 'REST_REQUESTS_PER_SECOND=7\nLOG_LEVEL=debug\n');
    process.env['LOG_LEVEL'] = 'warn';
    delete process.env['REST_REQUESTS_PER_SECOND'];
    const config = loadConfig(envFile);
    expect(config.REST_REQUESTS_PER_SECOND).toBe(7);
    expect(config.LOG_LEVEL).toBe('warn');
    expect(loadConfig(join(folder, 'missing.env')).LOG_LEVEL).toBe('warn');
    rmSync(folder, { recursive: true, force: true });
  });
});

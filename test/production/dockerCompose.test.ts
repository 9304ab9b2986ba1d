import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/config.js';

/*
 * docker-compose.yml cannot run here (no Docker, no Discord), so this reads it as Compose would and checks that it
 * describes README's "Past one host": one PostgreSQL, one REST proxy, and bot hosts whose settings the bot accepts,
 * sharing the database and the proxy, with disjoint shard ranges that together cover SHARD_COUNT.
 */

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
/** What Compose substitutes from the shell or an .env file; the test supplies stand-ins. */
const substitutions: Record<string, string> = { DISCORD_TOKEN: 'token-from-env', POSTGRES_PASSWORD: 'password-from-env' };
const substitute = (value: string) => value.replace(/\$\{(\w+)(?::\?[^}]*)?\}/g, (_, name: string) => substitutions[name] ?? '');
const botHosts = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
const environmentOf = (service: ComposeService) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, substitute(String(value))]));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, a REST proxy and two bot hosts', () => {
    expect(compose.services['postgres']?.image).toMatch(/^postgres:/);
    expect(compose.services['rest-proxy']?.image).toMatch(/^discordjs\/proxy/);
    expect(botHosts.map(([name]) => name)).toEqual(['bot-a', 'bot-b']);
  });

  it('gives each bot host settings the bot accepts, on the shared database and the shared REST proxy', () => {
    for (const [, service] of botHosts) {
      const config = parseConfig(environmentOf(service));
      expect(config.DATABASE_URL).toBe('postgres://watchalong:password-from-env@postgres:5432/watchalong');
      expect(config.DISCORD_API_BASE).toBe('http://rest-proxy:8080/api');
      expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['postgres', 'rest-proxy']);
    }
  });

  it('splits SHARD_COUNT between the hosts: every shard on exactly one host', () => {
    const configs = botHosts.map(([, service]) => parseConfig(environmentOf(service)));
    const shardCounts = new Set(configs.map((config) => config.SHARD_COUNT));
    expect(shardCounts.size).toBe(1);
    const shardCount = Number([...shardCounts][0]);
    const shards = configs.flatMap((config) => config.SHARD_IDS ?? []).sort((left, right) => left - right);
    expect(shards).toEqual(Array.from({ length: shardCount }, (_, shardId) => shardId));
  });
});

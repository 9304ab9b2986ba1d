import { describe, expect, it } from 'vitest';
import { areaOfScript, summarizeProfile } from './profileSummary.js';
import type { CpuProfile } from './profileSummary.js';

describe('areaOfScript', () => {
  it.each([
    ['file:///repo/node_modules/discord.js/src/client/Client.js', 'discord.js: gateway, structures, REST queue'],
    ['file:///repo/node_modules/@discordjs/rest/dist/index.js', 'discord.js: gateway, structures, REST queue'],
    ['file:///repo/node_modules/undici/lib/dispatcher/client.js', 'HTTP client (undici)'],
    ['file:///repo/node_modules/pino/lib/proto.js', 'logging (pino)'],
    ['file:///repo/node_modules/zod/v4/core/parse.js', 'option validation (zod)'],
    ['file:///repo/dist/commands/character.js', 'lookup: knowledge, matching, cards (commands/, src/domain, src/storage/knowledge, src/discord/render)'],
    ['file:///repo/dist/src/storage/knowledge/knowledgeRepository.js', 'lookup: knowledge, matching, cards (commands/, src/domain, src/storage/knowledge, src/discord/render)'],
    ['file:///repo/dist/src/storage/partyRepository.js', 'state database (src/storage)'],
    ['file:///repo/dist/src/discord/interactionRouter.js', 'router, access checks, rest of the bot (src/)'],
    ['node:internal/streams/writable', undefined],
    ['', undefined],
  ])('%s belongs to %s', (url, area) => {
    expect(areaOfScript(url)).toBe(area);
  });
});

describe('summarizeProfile', () => {
  // root → router → (native SQLite call), root → (garbage collector), root → (idle), root → node:internal timer
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 4, 5, 6] },
      { id: 2, callFrame: { functionName: 'route', url: 'file:///repo/dist/src/discord/interactionRouter.js' }, children: [3] },
      { id: 3, callFrame: { functionName: 'get', url: '' } },
      { id: 4, callFrame: { functionName: '(garbage collector)', url: '' } },
      { id: 5, callFrame: { functionName: '(idle)', url: '' } },
      { id: 6, callFrame: { functionName: 'listOnTimeout', url: 'node:internal/timers' } },
    ],
    samples: [2, 3, 3, 4, 5, 6],
    timeDeltas: [10, 20, 30, 40, 1000, 5],
  };

  it('counts a native call for its caller, garbage collection apart, and leaves idle time out', () => {
    expect(Object.fromEntries(summarizeProfile(profile))).toEqual({
      'router, access checks, rest of the bot (src/)': 60,
      'garbage collection': 40,
      'Node.js itself (event loop, IPC, timers)': 5,
    });
  });
});

/** The parts of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Where CPU time goes, named for the README's profile table. */
export const costAreas = [
  'lookup: knowledge, matching, cards (commands/, src/domain, src/storage/knowledge, src/discord/render)',
  'state database (src/storage)',
  'router, access checks, rest of the bot (src/)',
  'discord.js: gateway, structures, REST queue',
  'HTTP client (undici)',
  'logging (pino)',
  'metrics (prom-client)',
  'option validation (zod)',
  'garbage collection',
  'Node.js itself (event loop, IPC, timers)',
] as const;

export type CostArea = (typeof costAreas)[number];

const packageAreas: Array<[RegExp, CostArea]> = [
  [/node_modules\/(discord\.js|@discordjs|@sapphire|@vladfrangu|lodash\.snakecase|ws|magic-bytes\.js|discord-api-types)\//, 'discord.js: gateway, structures, REST queue'],
  [/node_modules\/undici\//, 'HTTP client (undici)'],
  [/node_modules\/(pino|@pinojs|sonic-boom|pino-std-serializers|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free)/, 'logging (pino)'],
  [/node_modules\/(prom-client|tdigest|bintrees)\//, 'metrics (prom-client)'],
  [/node_modules\/zod\//, 'option validation (zod)'],
  [/\/(commands|src\/domain|src\/storage\/knowledge|src\/discord\/render)\//, 'lookup: knowledge, matching, cards (commands/, src/domain, src/storage/knowledge, src/discord/render)'],
  [/\/src\/storage\//, 'state database (src/storage)'],
  [/\/src\//, 'router, access checks, rest of the bot (src/)'],
];

/** The area a frame's script belongs to; undefined for Node's own code and natives (they count for their caller). */
export function areaOfScript(url: string): CostArea | undefined {
  return packageAreas.find(([pattern]) => pattern.test(url))?.[1];
}

/**
 * CPU time by area, in microseconds. A sample in Node's own code or a native function (a SQLite call, a socket
 * write) counts for the nearest caller that belongs to an area; garbage collection is its own area.
 */
export function summarizeProfile(profile: CpuProfile): Map<CostArea, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const areaOfNode = new Map<number, CostArea | null>();
  const areaOf = (id: number): CostArea | null => {
    const known = areaOfNode.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const name = node?.callFrame.functionName;
    let area: CostArea | null;
    if (name === '(garbage collector)') area = 'garbage collection';
    else if (name === '(idle)' || name === '(program)') area = null;
    else {
      const parent = parents.get(id);
      area = (node && areaOfScript(node.callFrame.url)) ?? (parent === undefined ? 'Node.js itself (event loop, IPC, timers)' : areaOf(parent));
    }
    areaOfNode.set(id, area);
    return area;
  };
  const totals = new Map<CostArea, number>();
  profile.samples.forEach((id, index) => {
    const area = areaOf(id);
    if (area) totals.set(area, (totals.get(area) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return totals;
}

import { describe, expect, it } from 'vitest';
import type { ComponentHandler } from '../command.js';
import { splitCustomId } from '../customId.js';
import { createPageButtonHandler } from './pageButtonHandler.js';
import type { PageTurner } from './lookupView.js';

const turned: Array<{ view: string; page: number; parts: readonly string[] }> = [];
const view = (name: string): PageTurner => ({
  name,
  turnPage(parts, page) {
    turned.push({ view: name, page, parts });
    return { kind: 'update', reply: { content: `${name} ${page}` } };
  },
});
const handler = createPageButtonHandler([view('characters'), view('search')]) as unknown as ComponentHandler<unknown>;

function parse(id: string) {
  const { name, parts } = splitCustomId(id);
  return name === handler.name ? handler.parse.safeParse(parts) : { success: false as const };
}

describe('the page button handler', () => {
  it.each([
    { id: 'page:characters:2', turn: { view: 'characters', page: 2, parts: [] } },
    { id: 'page:search:1:eddie', turn: { view: 'search', page: 1, parts: ['eddie'] } },
    { id: 'page:search:3:time: 10:30', turn: { view: 'search', page: 3, parts: ['time', ' 10', '30'] } },
  ])('reads $id', ({ id, turn }) => {
    expect(parse(id)).toEqual({ success: true, data: turn });
  });

  it.each(['page:recap:1', 'page:characters', 'page:characters:0', 'page:characters:1000', 'page:characters:two', 'page:characters:-1', 'pages:characters:1'])(
    'refuses the stale or forged id %s',
    (id) => {
      expect(parse(id).success).toBe(false);
    },
  );

  it('hands the page and the view’s own parts to that view', async () => {
    turned.length = 0;
    const parsed = parse('page:search:4:mask');
    if (!parsed.success) throw new Error('did not parse');
    const invocation = { interactionId: '1', guildId: '2', channelId: '3', actor: { userId: '4', displayName: 'a', canManageServer: false, roleIds: [] }, subcommand: null, options: { values: [] } };
    const reply = await handler.execute(invocation, parsed.data, {} as never);
    expect(reply).toEqual({ kind: 'update', reply: { content: 'search 4' } });
    expect(turned).toEqual([{ view: 'search', page: 4, parts: ['mask'] }]);
  });
});

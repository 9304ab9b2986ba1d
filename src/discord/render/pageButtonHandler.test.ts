import { describe, expect, it } from 'vitest';
import { splitCustomId } from '../customId.js';
import { createPageButtonHandler } from './pageButtonHandler.js';
import type { PageTurner } from './lookupView.js';

const turned: Array<{ view: string; page: number; parts: readonly string[] }> = [];
const view = (name: string): PageTurner => ({
  name,
  turnPage(parts, page) {
    turned.push({ view: name, page, parts });
    return Promise.resolve({ kind: 'update', reply: { content: `${name} ${page}` } });
  },
});
const handler = createPageButtonHandler([view('characters'), view('search')]);
const invocation = {
  interactionId: '1',
  guildId: '2',
  channelId: '3',
  actor: { userId: '4', displayName: 'a', canManageServer: false, roleIds: [] },
  subcommand: null,
  options: { values: [] },
};

/** What a click on a button with this custom id runs, or undefined when the id is refused. */
function bind(id: string) {
  const { name, parts } = splitCustomId(id);
  return name === handler.name ? handler.bind(parts) : undefined;
}

describe('the page button handler', () => {
  it.each([
    { id: 'page:characters:2', turn: { view: 'characters', page: 2, parts: [] } },
    { id: 'page:search:1:eddie', turn: { view: 'search', page: 1, parts: ['eddie'] } },
    { id: 'page:search:3:time: 10:30', turn: { view: 'search', page: 3, parts: ['time', ' 10', '30'] } },
  ])('reads $id and hands the page and the view’s own parts to that view', async ({ id, turn }) => {
    turned.length = 0;
    const run = bind(id);
    expect(run).toBeDefined();
    expect(await run!(invocation, {} as never)).toEqual({ kind: 'update', reply: { content: `${turn.view} ${turn.page}` } });
    expect(turned).toEqual([turn]);
  });

  it.each(['page:recap:1', 'page:characters', 'page:characters:0', 'page:characters:1000', 'page:characters:two', 'page:characters:-1', 'pages:characters:1'])(
    'refuses the stale or forged id %s',
    (id) => {
      expect(bind(id)).toBeUndefined();
    },
  );
});

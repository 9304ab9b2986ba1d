import { z } from 'zod';
import type { ComponentHandler } from '../command.js';
import { pageButtonName } from './lookupView.js';
import type { PageTurner } from './lookupView.js';

interface PageTurn {
  view: string;
  page: number;
  parts: string[];
}

const largestPage = 999;

/**
 * The one handler behind every lookup's Previous / Next buttons (`page:<view>:<page>:<arguments…>`).
 * Typed as the shared list's `ComponentHandler<never>`, which erases argument types: the router
 * only ever hands `execute` what `parse` produced.
 */
export function createPageButtonHandler(views: readonly PageTurner[]): ComponentHandler<never> {
  const byName = new Map(views.map((view) => [view.name, view]));
  const handler: ComponentHandler<PageTurn> = {
    name: pageButtonName,
    parse: z
      .tuple([z.string().refine((view) => byName.has(view)), z.string().regex(/^\d{1,3}$/)], z.string())
      .transform(([view, page, ...parts]) => ({ view, page: Number(page), parts }))
      .refine((turn) => turn.page >= 1 && turn.page <= largestPage),
    execute(invocation, turn, context) {
      const view = byName.get(turn.view);
      if (!view) throw new Error(`no lookup view ${turn.view}`);
      return view.turnPage(turn.parts, turn.page, invocation, context);
    },
  };
  return handler as unknown as ComponentHandler<never>;
}

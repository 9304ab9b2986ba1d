import { z } from 'zod';
import { registerComponent } from '../command.js';
import type { ComponentHandler, RegisteredComponent } from '../command.js';
import { pageButtonName } from './lookupView.js';
import type { PageTurner } from './lookupView.js';

interface PageTurn {
  view: string;
  page: number;
  parts: string[];
}

const largestPage = 999;

/** The one handler behind every lookup's Previous / Next buttons (`page:<view>:<page>:<series id>:<arguments…>`). */
export function createPageButtonHandler(views: readonly PageTurner[]): RegisteredComponent {
  const byName = new Map(views.map((view) => [view.name, view]));
  const handler: ComponentHandler<PageTurn> = {
    name: pageButtonName,
    access: 'everyone',
    description: 'Previous / Next under a lookup answer',
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
  return registerComponent(handler);
}

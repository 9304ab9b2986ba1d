import { registerComponent } from '../command.js';
import type { ComponentHandler, RegisteredComponent } from '../command.js';
import { pageButtonName, pageTurnArguments } from './pageButtonId.js';
import type { PageTurn } from './pageButtonId.js';
import type { PageTurner } from './lookupView.js';

/** The one handler behind every lookup's Previous / Next buttons (`page:<view>:<page>:<series id>:<arguments…>`). */
export function createPageButtonHandler(views: readonly PageTurner[]): RegisteredComponent {
  const byName = new Map(views.map((view) => [view.name, view]));
  const handler: ComponentHandler<PageTurn> = {
    name: pageButtonName,
    access: 'everyone',
    description: 'Previous / Next under a lookup answer',
    parse: pageTurnArguments((view) => byName.has(view)),
    execute(invocation, turn, context) {
      const view = byName.get(turn.view);
      if (!view) throw new Error(`no lookup view ${turn.view}`);
      return view.turnPage(turn.parts, turn.page, invocation, context);
    },
  };
  return registerComponent(handler);
}

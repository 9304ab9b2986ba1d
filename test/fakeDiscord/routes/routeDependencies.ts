import type { FakeGateway } from '../gateway.js';
import type { InteractionTracker } from '../interactionTracker.js';
import type { FakeDiscordState } from '../state.js';

export interface RouteDependencies {
  state: FakeDiscordState;
  tracker: InteractionTracker;
  gateway: Pick<FakeGateway, 'dispatch'>;
}

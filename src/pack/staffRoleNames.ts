import type { StaffRole } from './packSchema.js';

/** How a staff role reads in a sentence and in entity_attributes. */
export const staffRoleNames: Record<StaffRole, string> = {
  director: 'director',
  writer: 'writer',
  'character-designer': 'character designer',
  composer: 'composer',
  producer: 'producer',
  'episode-director': 'storyboard artist and episode director',
};

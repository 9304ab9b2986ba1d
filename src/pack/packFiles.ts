/** Where each part of a pack lives inside its directory. */
export const packFileNames = {
  manifest: 'pack.json',
  series: 'series.json',
  episodes: 'episodes.json',
  questions: 'questions.json',
} as const;

/** A key starting with this is a comment for authors (`"//id": "…"`); the loader ignores it. */
export const commentKeyPrefix = '//';

/** Every JSON file in this folder holds entities; a pack may split them however it likes. */
export const entitiesFolderName = 'entities';

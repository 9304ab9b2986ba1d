/**
 * The shape of a knowledge pack's source files (hand-written JSON under one directory).
 * Nothing here knows about a particular series: a pack declares its own title, sources and dubs.
 *
 * Every item that can spoil carries `revealedIn`: the absolute episode after which it may be shown
 * (0 = safe before the first episode), and `source`: the key of an entry in the manifest's sources.
 */
import * as z from 'zod';

const stamp = z
  .number()
  .int()
  .min(0)
  .describe('Absolute episode after which this may be shown; 0 = never a spoiler');
const sourceKey = z
  .string()
  .regex(/^[a-z]+:[A-Za-z0-9._-]+$/, 'a source key looks like "seed:003" or "research:S1-subs"')
  .describe('Key of a source listed in pack.json');
const entityId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens');
const text = z.string().trim().min(1);
const isoDate = z.iso.date();
const schemaReference = z.string().optional().describe('Path to the JSON Schema, for editors');

export const factCategories = [
  'premise',
  'setting',
  'staff',
  'production',
  'release',
  'broadcast',
  'licensing',
  'reception',
  'manga',
  'plot',
  'description',
  'relationship',
  'identity',
  'death',
  'twist',
] as const;

export const factSchema = z.strictObject({
  category: z.enum(factCategories),
  text,
  revealedIn: stamp,
  source: sourceKey,
});

export const sourceSchema = z.strictObject({
  key: sourceKey,
  description: text,
  file: z.string().optional().describe('File the key stands for, when the source is a local document'),
  alsoDefinedIn: z
    .array(z.string())
    .optional()
    .describe('Further documents that define the same key and add to it (a second research pass)'),
});

export const dubSchema = z.strictObject({
  key: entityId.describe('Stored as voice_actors.dub, e.g. "english-netflix"'),
  label: text.describe('How a sentence names it, e.g. "the English Netflix dub"'),
});

/**
 * The pack format this bot reads. A new version only adds (optional fields, new kinds), so a pack written for
 * an older version keeps validating; a pack for a newer version is refused with what to do.
 */
export const currentFormatVersion = 1;

const formatVersion = z
  .number()
  .int()
  .min(1, 'formatVersion starts at 1')
  .max(currentFormatVersion, `this pack needs a newer Watchalong: this one reads pack formats 1 to ${currentFormatVersion}`)
  .describe('The pack format the pack is written for; a bot reads every version up to its own');

export const manifestFileSchema = z.strictObject({
  $schema: schemaReference,
  formatVersion,
  id: entityId.describe('Stable id stored by parties: the name of the pack folder, never changed once used'),
  title: text,
  sources: z.array(sourceSchema).min(1),
  dubs: z.array(dubSchema),
});

export const titleKinds = ['english', 'stylised', 'japanese', 'romanised', 'alternative'] as const;

export const staffRoles = [
  'director',
  'writer',
  'character-designer',
  'composer',
  'producer',
  'episode-director',
] as const;

export const seriesFileSchema = z.strictObject({
  $schema: schemaReference,
  series: z.strictObject({
    titles: z.array(z.strictObject({ text, kind: z.enum(titleKinds), source: sourceKey })).min(1),
    format: z.strictObject({ value: text, source: sourceKey }),
    studio: z.strictObject({ value: text, source: sourceKey }),
    seasons: z
      .array(
        z.strictObject({
          number: z.number().int().min(0).describe('1, 2, 3… in order; 0 for specials, listed where they are watched'),
          label: text,
          episodeCount: z.number().int().min(1),
          releaseDate: isoDate.nullable(),
          source: sourceKey,
        }),
      )
      .min(1),
    staff: z.array(z.strictObject({ role: z.enum(staffRoles), personId: entityId, source: sourceKey })),
    facts: z.array(factSchema),
  }),
});

export const episodeSchema = z.strictObject({
  absolute: z.number().int().min(1).describe('Watch order from 1, across seasons and specials'),
  season: z.number().int().min(0).describe('0 for a special'),
  numberInSeason: z.number().int().min(1),
  releaseDate: isoDate.nullable(),
  title: z.strictObject({ text, revealedIn: stamp, source: sourceKey }).nullable(),
  facts: z.array(factSchema),
});

export const episodesFileSchema = z.strictObject({
  $schema: schemaReference,
  episodes: z.array(episodeSchema).min(1),
});

export const entityKinds = ['character', 'organisation', 'thing', 'person'] as const;
export const genders = ['female', 'male'] as const;
/**
 * `also-spelled` is another spelling of a name (a source's typo or romanisation, e.g. "Ecohes"): it is
 * found by lookups and search but never shown as an alias, since it is not a name anyone goes by.
 */
export const nameKinds = ['primary', 'alias', 'nickname', 'japanese', 'real-name', 'also-spelled'] as const;

export const entitySchema = z.strictObject({
  id: entityId,
  kind: z.enum(entityKinds),
  named: z
    .boolean()
    .describe('false when the sources never name it; its primary name is then a descriptive label'),
  revealedIn: stamp,
  firstAppearance: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('First on-screen episode when a source pins it; null when unknown'),
  source: sourceKey,
  names: z
    .array(z.strictObject({ name: text, kind: z.enum(nameKinds), revealedIn: stamp, source: sourceKey }))
    .min(1)
    .describe(
      'The earliest primary name is shown first; a later primary (e.g. a surname learnt later) supersedes it',
    ),
  roles: z.array(z.strictObject({ value: text, revealedIn: stamp, source: sourceKey })),
  affiliations: z.array(
    z.strictObject({ target: entityId, value: text, revealedIn: stamp, source: sourceKey }),
  ),
  voiceActors: z.array(z.strictObject({ dub: entityId, actor: text, revealedIn: stamp, source: sourceKey })),
  gender: z
    .strictObject({ value: z.enum(genders), source: sourceKey })
    .optional()
    .describe('Only where a source gives it (a pronoun, "his wife"); trivia offers a character only same-gender look-alikes'),
  facts: z.array(factSchema),
});

export const entitiesFileSchema = z.strictObject({
  $schema: schemaReference,
  entities: z.array(entitySchema),
});

export const difficulties = ['easy', 'medium', 'hard'] as const;

export const questionSchema = z.strictObject({
  id: entityId,
  prompt: text,
  answer: text,
  distractors: z.tuple([text, text, text]),
  explanation: text,
  difficulty: z.enum(difficulties),
  source: sourceKey,
  revealedIn: stamp,
  aboutEpisode: z.number().int().min(1).nullable(),
});

export const questionsFileSchema = z.strictObject({
  $schema: schemaReference,
  questions: z.array(questionSchema),
});

/** Any one pack file; the JSON Schema editors use is generated from this. */
export const packFileSchema = z.union([
  manifestFileSchema,
  seriesFileSchema,
  episodesFileSchema,
  entitiesFileSchema,
  questionsFileSchema,
]);

export type Fact = z.infer<typeof factSchema>;
export type PackManifest = z.infer<typeof manifestFileSchema>;
export type Series = z.infer<typeof seriesFileSchema>['series'];
export type Episode = z.infer<typeof episodeSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityName = Entity['names'][number];
export type HandWrittenQuestion = z.infer<typeof questionSchema>;
export type Difficulty = (typeof difficulties)[number];
export type StaffRole = (typeof staffRoles)[number];

/** A pack after every file parsed; entity files are kept apart so problems can name their file. */
export interface Pack {
  manifest: PackManifest;
  series: Series;
  episodes: Episode[];
  entityFiles: { file: string; entities: Entity[] }[];
  questions: HandWrittenQuestion[];
}

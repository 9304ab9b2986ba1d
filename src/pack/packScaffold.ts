import { packFileNames, entitiesFolderName } from './packFiles.js';
import { currentFormatVersion } from './packSchema.js';

/**
 * The files of a new, valid and empty pack, each field with a `//` comment beside it saying what it holds and
 * how to stamp it. Paths are relative to the pack's folder; `schemaPath` is the JSON Schema from there.
 */
export function packScaffold(id: string, schemaPath: string): Record<string, unknown> {
  const title = id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  const source = 'notes:author';
  return {
    [packFileNames.manifest]: {
      $schema: schemaPath,
      '//': 'Fields starting with // are comments: the bot ignores them. npm run pack:check -- <this folder> validates the pack.',
      '//formatVersion': 'The pack format this pack is written for. Leave it: newer bots keep reading it.',
      formatVersion: currentFormatVersion,
      '//id': 'The stable id parties store: the same as this folder’s name. Never change it once a party watches the series.',
      id,
      '//title': 'The series’ title as /help, /series and reminders name it.',
      title,
      '//sources': 'Everything you read. Every item in the pack cites one of these keys in its "source". "file" is optional.',
      sources: [{ key: source, description: 'Replace with what you read: an episode guide, a wiki page, your own viewing notes' }],
      '//dubs': 'The dubs voice actors are listed for, e.g. {"key": "japanese", "label": "the Japanese version"}. Leave empty for no voice cast.',
      dubs: [],
    },
    [packFileNames.series]: {
      $schema: schemaPath,
      series: {
        '//titles': 'The series’ names; kind is english, stylised, japanese, romanised or alternative.',
        titles: [{ text: title, kind: 'english', source }],
        '//format': 'TV series, film, OVA…',
        format: { value: 'TV series', source },
        '//studio': 'Who made it, as your source says.',
        studio: { value: 'The studio, as your source names it', source },
        '//seasons': 'In watch order: 1, 2, 3…; specials are season 0, listed where they are watched. episodeCount adds up to the episodes listed.',
        seasons: [{ number: 1, label: 'Season 1', episodeCount: 1, releaseDate: null, source }],
        '//staff': 'Directors, writers…: {"role": "director", "personId": "<id of a person entity>", "source": "…"}.',
        staff: [],
        '//facts': 'Facts about the whole series. revealedIn is the episode after which it may be shown (0 = never a spoiler).',
        facts: [],
      },
    },
    [packFileNames.episodes]: {
      $schema: schemaPath,
      '//episodes':
        'One per episode, absolute from 1 in watch order. title is null or {"text", "revealedIn", "source"}: a title that gives something away is stamped at its episode. facts: what happens, each stamped at the episode that shows it.',
      episodes: [{ absolute: 1, season: 1, numberInSeason: 1, releaseDate: null, title: null, facts: [] }],
    },
    [`${entitiesFolderName}/characters.json`]: {
      $schema: `../${schemaPath}`,
      '//entities':
        'Characters, organisations, things and staff (kind: character, organisation, thing, person). A character is visible from the first episode it appears in (revealedIn, firstAppearance); a twist or hidden identity is a separate, later name or fact. When unsure, stamp late. Every item cites a source.',
      entities: [],
    },
    [packFileNames.questions]: {
      $schema: schemaPath,
      '//questions':
        'Hand-written trivia: prompt, answer, three distractors, explanation, difficulty (easy, medium, hard), revealedIn (the latest episode anything in it comes from), aboutEpisode (or null). More questions are generated from the facts.',
      questions: [],
    },
  };
}

export interface Season {
  number: number;
  label: string;
  episodeCount: number;
  firstAbsolute: number;
  releaseDate: string | null;
}

export interface Fact {
  id: number;
  category: string;
  text: string;
  episode: number | null;
  revealedIn: number;
  source: string;
}

export interface EntityName {
  entityId: string;
  kind: string;
  name: string;
  nameKind: string;
  primaryName: string;
  /** The episode after which this name may be shown (a later primary name replaces an earlier one). */
  revealedIn: number;
}

export interface EntityMatch {
  entityId: string;
  kind: string;
  name: string;
  matchedName: string;
  score: number;
}

export interface EntityAttribute {
  attribute: 'role' | 'affiliation';
  value: string;
  targetEntityId: string | null;
  revealedIn: number;
}

export interface VoiceActor {
  dub: string;
  actor: string;
}

/** Everything known of an entity at one progress; nothing stamped later is in it. */
export interface EntityCard {
  id: string;
  kind: string;
  name: string;
  named: boolean;
  firstAppearance: number | null;
  names: Array<{ name: string; nameKind: string }>;
  roles: EntityAttribute[];
  affiliations: EntityAttribute[];
  voiceActors: VoiceActor[];
  facts: Fact[];
}

export interface CharacterSummary {
  id: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  firstAppearance: number | null;
}

export interface EpisodeView {
  absolute: number;
  season: number;
  numberInSeason: number;
  releaseDate: string | null;
  /** Null when untitled or when the title is not yet visible. */
  title: string | null;
  facts: Fact[];
}

export interface SearchHit {
  rowKind: 'name' | 'fact';
  entityId: string | null;
  entityName: string | null;
  text: string;
  episode: number | null;
}

export interface Question {
  id: string;
  prompt: string;
  answer: string;
  distractors: [string, string, string];
  explanation: string;
  difficulty: 'easy' | 'medium' | 'hard';
  aboutEpisode: number | null;
  revealedIn: number;
}

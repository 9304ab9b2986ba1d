export interface Migration {
  /** Applied in ascending order; stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  sql: string;
}

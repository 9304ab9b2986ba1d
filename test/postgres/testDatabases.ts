import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** Why PostgreSQL tests cannot run here, or null when the throwaway server is up. */
export function postgresUnavailable(): string | null {
  const postgres = inject('postgres') as { adminUrl: string } | { unavailable: string } | undefined;
  if (postgres === undefined) return 'no PostgreSQL server was started for this project (only the e2e project starts one)';
  return 'unavailable' in postgres ? postgres.unavailable : null;
}

function adminUrl(): string {
  const postgres = inject('postgres');
  if (!postgres || 'unavailable' in postgres) throw new Error(`PostgreSQL tests cannot run: ${postgresUnavailable()}`);
  return postgres.adminUrl;
}

export interface TestDatabase {
  /** Where the bot finds it: a postgres:// URL, or the SQLite file. */
  url?: string;
  path: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the throwaway server; `drop()` removes it (closing what still uses it). */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `watchalong_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    path: '',
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl() });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A new SQLite state file in its own temporary folder; `drop()` deletes the folder. */
export function createSqliteDatabase(): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-state-'));
  return { path: join(folder, 'state.sqlite'), drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })) };
}

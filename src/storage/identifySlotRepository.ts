import type { SqlDatabase } from './sql/sqlDatabase.js';

const sql = {
  ensure: 'INSERT INTO identify_slots (bucket, free_at) VALUES (?, 0) ON CONFLICT DO NOTHING',
  take: 'UPDATE identify_slots SET free_at = @until WHERE bucket = @bucket AND free_at <= @now',
  freeAt: 'SELECT free_at FROM identify_slots WHERE bucket = ?',
};

/** The identify buckets every host shares: a slot is taken by exactly one caller, with one conditional UPDATE. */
export function createIdentifySlotRepository(database: SqlDatabase) {
  return {
    /**
     * Takes the bucket's slot for `spacingMilliseconds` from `now`; returns 0 when taken, else how long to wait
     * before asking again.
     */
    async take(bucket: number, now: Date, spacingMilliseconds: number): Promise<number> {
      await database.run(sql.ensure, [bucket]);
      const taken = await database.run(sql.take, { bucket, now: now.getTime(), until: now.getTime() + spacingMilliseconds });
      if (taken.changes === 1) return 0;
      const freeAt = (await database.value<number>(sql.freeAt, [bucket])) ?? 0;
      return Math.max(1, freeAt - now.getTime());
    },
  };
}

export type IdentifySlotRepository = ReturnType<typeof createIdentifySlotRepository>;

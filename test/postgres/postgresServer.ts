import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/freePort.js';

export interface RunningPostgres {
  /** A superuser URL on 127.0.0.1 (trust authentication, never reachable from outside this machine). */
  adminUrl: string;
  stop(): void;
}

export interface PostgresUnavailable {
  unavailable: string;
}

/** Debian's postgresql package puts each major version's programs in /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((left, right) => Number(right) - Number(left));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` system user. */
function runAs(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { user: 'postgres', uid, gid };
}

/**
 * Starts a throwaway PostgreSQL server for the tests: a fresh data directory in a temporary folder, on a free
 * loopback port, its socket in that folder, without durability settings a test does not need (fsync off).
 * `stop()` stops it and deletes the folder. Reports why when this machine has no PostgreSQL.
 */
export async function startPostgresServer(): Promise<RunningPostgres | PostgresUnavailable> {
  const bin = findPostgresBin();
  if (!bin) return { unavailable: 'PostgreSQL is not installed here (no /usr/lib/postgresql/*/bin/initdb; Debian: apt-get install postgresql)' };
  let owner: ReturnType<typeof runAs>;
  try {
    owner = runAs();
  } catch {
    return { unavailable: 'running as root, but there is no `postgres` system user to run PostgreSQL as' };
  }
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-postgres-'));
  if (owner) {
    chownSync(folder, owner.uid, owner.gid);
    chmodSync(folder, 0o700);
  }
  const run = (program: string, args: string[]) =>
    owner
      ? execFileSync('runuser', ['-u', owner.user, '--', join(bin, program), ...args], { stdio: 'pipe', cwd: folder })
      : execFileSync(join(bin, program), args, { stdio: 'pipe', cwd: folder });
  const data = join(folder, 'data');
  const port = await freePort();
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (it never started, or it is already stopped): nothing to stop.
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    return { unavailable: `PostgreSQL did not start: ${output.trim().slice(0, 500)}` };
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

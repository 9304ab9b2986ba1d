/**
 * Setup for `npm run test:unit`: a unit test that opens a socket or starts a process fails at once,
 * naming what to do, so the unit suite stays fast and runs anywhere. Such a test is an end-to-end
 * test: name it `*.e2e.test.ts`.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

function refuse(what: string): never {
  throw new Error(`unit tests open no ${what}; name this test *.e2e.test.ts`);
}

net.Server.prototype.listen = () => refuse('server');
net.Socket.prototype.connect = () => refuse('connection');
for (const name of ['spawn', 'fork', 'exec', 'execFile', 'spawnSync', 'execSync', 'execFileSync'] as const) {
  (childProcess as Record<string, unknown>)[name] = () => refuse('process');
}
// Named imports (`import { spawn } from 'node:child_process'`) see the replacements too.
syncBuiltinESMExports();

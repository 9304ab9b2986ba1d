import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  hasInstallScript?: boolean;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** `node_modules/@scope/name` and `node_modules/a/node_modules/b` -> the package's name. */
function packageName(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('install scripts', () => {
  it('are each decided in package.json allowScripts, so npm install has nothing to warn about', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, locked]) => path !== '' && locked.hasInstallScript === true)
      .map(([path]) => packageName(path));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => manifest.allowScripts?.[name] === undefined)).toEqual([]);
  });
});

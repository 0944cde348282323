import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe('install scripts of dependencies', () => {
  it('every dependency with an install script is explicitly allowed or denied (npm ci prints no warning)', () => {
    const allow = (pkg.allowScripts ?? {}) as Record<string, boolean>;
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(allow), name).toContain(name);
  });

  it("swagger-ui-dist's telemetry (@scarf/scarf) never runs: denied for npm, and switched off for older npm", () => {
    expect((pkg.allowScripts as Record<string, boolean>)['@scarf/scarf']).toBe(false);
    // scarf reads this from the root package.json; npm before allowScripts would otherwise run its postinstall.
    expect(pkg.scarfSettings).toEqual({ enabled: false });
  });
});

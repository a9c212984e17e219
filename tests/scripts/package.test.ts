/**
 * The real thing: `npm run package -- --env local` on the committed files, as on a fresh clone.
 * This is the one test that writes into teams-app/build (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkColorIcon, checkOutlineIcon } from '../../scripts/packaging/icons';
import { validateManifest } from '../../scripts/packaging/validateManifest';
import { readZip } from '../../scripts/packaging/zip';
import { REPO_ROOT } from './packaging/fixture';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function runPackage(...args: string[]) {
  return spawnSync(TSX, ['scripts/package.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('npm run package -- --env local', () => {
  const zipPath = join(REPO_ROOT, 'teams-app', 'build', 'appPackage.local.zip');

  it('writes a flat zip whose manifest is fully substituted and valid against the official schema', () => {
    rmSync(zipPath, { force: true });
    const run = runPackage('--env', 'local');
    expect(run.stderr).not.toMatch(/Cannot|not valid|failed/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('teams-app/build/appPackage.local.zip');
    expect(existsSync(zipPath)).toBe(true);

    const entries = readZip(readFileSync(zipPath));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = Buffer.from(entries.get('manifest.json') as Uint8Array).toString('utf8');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(validateManifest(manifest)).toEqual([]);
    expect(checkColorIcon(entries.get('color.png') as Uint8Array)).toEqual([]);
    expect(checkOutlineIcon(entries.get('outline.png') as Uint8Array)).toEqual([]);

    // What the issue asks the package to carry, pointing at the local server.
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ scopes: ['team'], configurationUrl: 'https://localhost:53000/?view=config' })]);
    expect(manifest.staticTabs).toEqual([expect.objectContaining({ name: 'My services', scopes: ['personal'] })]);
    expect(manifest.validDomains).toEqual(['localhost:53000']);
    expect(manifest.bots).toEqual([expect.objectContaining({ isNotificationOnly: true, scopes: ['team', 'personal'] })]);
    expect(manifest.webApplicationInfo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.activities.activityTypes.map((t: { type: string }) => t.type)).toEqual(
      expect.arrayContaining(['reviewDue', 'reviewOverdue', 'ownerLeft']),
    );
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({ name: 'TeamsActivity.Send.Group', type: 'Application' });
  });

  it('gives the same bytes when run twice (reproducible package)', () => {
    expect(runPackage('--env', 'local').status).toBe(0);
    const first = readFileSync(zipPath);
    expect(runPackage('--env=local').status).toBe(0);
    expect(readFileSync(zipPath).equals(first)).toBe(true);
  });

  it('exits non-zero with a message naming the environment when it has no env file', () => {
    const run = runPackage('--env', 'nosuchenv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.env.nosuchenv');
    expect(run.stderr).toContain('known environments');
    expect(existsSync(join(REPO_ROOT, 'teams-app', 'build', 'appPackage.nosuchenv.zip'))).toBe(false);
  });

  it('exits non-zero with usage when --env is not given', () => {
    const run = runPackage();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--env <name>');
  });
});

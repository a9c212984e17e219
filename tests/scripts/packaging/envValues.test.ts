/** A missing or bad env value stops packaging with a message naming the value, and writes nothing. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from '../../../scripts/packaging/errors';
import { packageApp } from '../../../scripts/packaging/packageApp';
import { readZip } from '../../../scripts/packaging/zip';
import { LOCAL_VALUES, makeFixture, type Fixture } from './fixture';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.cleanup());

async function problemsFor(values: Record<string, string | undefined>): Promise<string[]> {
  fixture.writeEnv('test', values);
  const error = await packageApp({ root: fixture.root, env: 'test' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect(existsSync(join(fixture.root, 'teams-app', 'build', 'appPackage.test.zip'))).toBe(false);
  return [...(error as PackageError).problems];
}

describe('packaging env values', () => {
  it('packages a valid environment into the temp build folder', async () => {
    fixture.writeEnv('test', { ...LOCAL_VALUES });
    const result = await packageApp({ root: fixture.root, env: 'test' });
    expect(result.zipPath).toBe(join(fixture.root, 'teams-app', 'build', 'appPackage.test.zip'));
    const manifest = JSON.parse(Buffer.from(readZip(readFileSync(result.zipPath)).get('manifest.json') as Uint8Array).toString());
    expect(manifest.developer.privacyUrl).toBe('https://register.example.nhs.uk/privacy.html');
    expect(manifest.webApplicationInfo.resource).toBe(`api://register.example.nhs.uk/${LOCAL_VALUES.AAD_APP_CLIENT_ID}`);
  });

  it('names every missing value, including empty ones, in one message', async () => {
    const problems = await problemsFor({ ...LOCAL_VALUES, BOT_ID: undefined, TEAMS_APP_ID: '' });
    expect(problems).toEqual([
      expect.stringMatching(/^BOT_ID is missing: set it in teams-app\/env\/\.env\.test/),
      expect.stringMatching(/^TEAMS_APP_ID is missing/),
    ]);
  });

  it.each([
    ['TAB_ENDPOINT', 'http://register.example.nhs.uk', /https/],
    ['TAB_ENDPOINT', 'https://register.example.nhs.uk/', /end with "\/"/],
    ['TAB_ENDPOINT', 'https://other.example.nhs.uk', /must equal TAB_DOMAIN/],
    ['TAB_DOMAIN', '*.example.nhs.uk', /wildcard/],
    ['TAB_DOMAIN', 'https://register.example.nhs.uk', /without a scheme/],
    ['TAB_DOMAIN', 'register.example.nhs.uk/tab', /without a path/],
    ['TEAMS_APP_ID', 'my-app', /GUID/],
    ['AAD_APP_CLIENT_ID', '1234', /GUID/],
    ['BOT_ID', '{00000000-0000-4000-8000-000000000003}', /GUID/],
    ['APP_VERSION', '1.0', /major\.minor\.patch/],
    ['DEVELOPER_NAME', 'A developer name that is far too long for Teams', /32 characters/],
  ])('names %s when it is %s', async (name, value, reason) => {
    const values = { ...LOCAL_VALUES, [name]: value };
    if (name === 'TAB_DOMAIN') values.TAB_ENDPOINT = 'https://register.example.nhs.uk';
    const problems = await problemsFor(values);
    const mine = problems.filter((p) => p.startsWith(`${name} `));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(reason);
  });

  it('takes secrets from the git-ignored .user file, which overrides the committed file', async () => {
    fixture.writeEnv('test', { ...LOCAL_VALUES, BOT_ID: '' });
    fixture.writeEnv('test', { BOT_ID: '"00000000-0000-4000-8000-0000000000bb"', AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-0000000000bb' }, '.user');
    const result = await packageApp({ root: fixture.root, env: 'test' });
    expect(result.envFiles).toEqual(['.env.test', '.env.test.user']);
    expect((result.manifest.bots as { botId: string }[])[0]?.botId).toBe('00000000-0000-4000-8000-0000000000bb');
  });

  it('refuses a package whose bot is not the webApplicationInfo app (one identity)', async () => {
    fixture.writeEnv('test', { ...LOCAL_VALUES, BOT_ID: '00000000-0000-4000-8000-000000000003' });
    await expect(packageApp({ root: fixture.root, env: 'test' })).rejects.toThrow(/bots\[\]\.botId "00000000-0000-4000-8000-000000000003" must be the same Entra app as webApplicationInfo\.id/);
  });

  it('names the file and line of a malformed env line', async () => {
    fixture.writeEnv('test', { ...LOCAL_VALUES, 'not a key': 'x' });
    await expect(packageApp({ root: fixture.root, env: 'test' })).rejects.toThrow(/\.env\.test:\d+ is not a KEY=VALUE line/);
  });

  it('rejects an environment name that could escape the env folder', async () => {
    await expect(packageApp({ root: fixture.root, env: '../secrets' })).rejects.toThrow(/not a valid environment name/);
  });
});

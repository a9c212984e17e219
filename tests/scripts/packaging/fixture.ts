/**
 * A throwaway copy of the repository's manifest/ with a chosen env file, in a temp dir, so packaging
 * tests never write into the real teams-app/.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export const LOCAL_VALUES: Readonly<Record<string, string>> = {
  APP_VERSION: '0.1.0',
  TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
  // One identity: the bot is the webApplicationInfo app.
  BOT_ID: '00000000-0000-4000-8000-000000000002',
  DEVELOPER_NAME: 'Test Practice IT',
  TAB_DOMAIN: 'register.example.nhs.uk',
  TAB_ENDPOINT: 'https://register.example.nhs.uk',
};

export interface Fixture {
  readonly root: string;
  writeEnv(name: string, values: Record<string, string | undefined>, suffix?: '' | '.user'): void;
  cleanup(): void;
}

export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'dsr-package-'));
  cpSync(join(REPO_ROOT, 'manifest'), join(root, 'manifest'), { recursive: true });
  mkdirSync(join(root, 'teams-app', 'env'), { recursive: true });
  return {
    root,
    writeEnv(name, values, suffix = '') {
      const lines = Object.entries(values)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${value}`);
      writeFileSync(join(root, 'teams-app', 'env', `.env.${name}${suffix}`), `# test\n${lines.join('\n')}\n`);
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The offline validation catches manifests Teams would reject, naming where the problem is. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledSchema, validateManifest } from '../../../scripts/packaging/validateManifest';
import { substitute } from '../../../scripts/packaging/substitute';
import { LOCAL_VALUES, REPO_ROOT } from './fixture';

type Manifest = Record<string, unknown> & {
  configurableTabs: Record<string, unknown>[];
  staticTabs: Record<string, unknown>[];
  validDomains: string[];
};

function validManifest(): Manifest {
  const template = JSON.parse(readFileSync(join(REPO_ROOT, 'manifest', 'manifest.json'), 'utf8'));
  return substitute(template, new Map(Object.entries(LOCAL_VALUES))) as Manifest;
}

describe('manifest validation against the bundled official schema', () => {
  it('accepts the committed manifest once substituted', () => {
    expect(validateManifest(validManifest())).toEqual([]);
  });

  it('uses the schema for the manifest version, bundled with the package (no network)', () => {
    const schema = loadBundledSchema('1.22') as { properties: { manifestVersion: { const?: string } } };
    expect(schema.properties.manifestVersion.const).toBe('1.22');
    expect(() => loadBundledSchema('1.18')).toThrow(/no bundled schema/);
  });

  it('rejects a configurable tab in personal scope', () => {
    const manifest = validManifest();
    manifest.configurableTabs[0] = { ...manifest.configurableTabs[0], scopes: ['personal'] };
    const problems = validateManifest(manifest);
    expect(problems.some((p) => p.startsWith('schema: /configurableTabs/0/scopes/0'))).toBe(true);
  });

  it('rejects a misspelt field (additional property)', () => {
    const manifest = validManifest();
    manifest.staticTabs[0] = { ...manifest.staticTabs[0], contentURL: 'https://register.example.nhs.uk' };
    const problems = validateManifest(manifest);
    expect(problems.join('\n')).toMatch(/\/staticTabs\/0 must NOT have additional properties.*contentURL/);
  });

  it('rejects a bot id that is not a GUID and a missing required field', () => {
    const manifest = validManifest();
    manifest.bots = [{ botId: 'bot', scopes: ['team'] }];
    delete manifest.accentColor;
    const problems = (validateManifest(manifest)).join('\n');
    expect(problems).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(problems).toMatch(/must have required property 'accentColor'/);
  });

  it('rejects wildcard domains and tab pages outside validDomains', () => {
    const manifest = validManifest();
    manifest.validDomains = ['*.example.nhs.uk'];
    const problems = validateManifest(manifest);
    expect(problems).toContain('validDomains must not contain wildcards, got "*.example.nhs.uk"');
    expect(problems.some((p) => /tab URL "https:\/\/register\.example\.nhs\.uk\/\?view=config" is not on a domain/.test(p))).toBe(true);
  });

  it('rejects a $schema that does not match manifestVersion, and leftover placeholders', () => {
    const manifest = validManifest();
    manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.21/MicrosoftTeams.schema.json';
    manifest.name = { short: '${{APP_NAME}}' };
    const problems = validateManifest(manifest);
    expect(problems).toContain('a ${{...}} placeholder was left unsubstituted');
    expect(problems.some((p) => p.startsWith('$schema must point at the v1.22'))).toBe(true);
  });
});

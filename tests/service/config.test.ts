/** The service's settings: defaults aim at the local server; every bad value is listed at once. */
import { ConfigError, EMULATOR_APP_ID, loadServiceConfig } from '../../src/service/config';

test('with no settings it runs once against the local server on PORT', () => {
  const config = loadServiceConfig({}, []);
  expect(config).toMatchObject({ graphBaseUrl: 'http://localhost:53000', authMode: 'emulator', appId: EMULATOR_APP_ID, mode: { kind: 'once' }, dryRun: false, concurrency: 8, ruPerMinute: 1_000 });
  expect(loadServiceConfig({ REMINDER_RU_PER_MINUTE: '1200' }, []).ruPerMinute).toBe(1_200);
  expect(loadServiceConfig({ PORT: '61000' }, ['--dry-run']).graphBaseUrl).toBe('http://localhost:61000');
  expect(loadServiceConfig({}, ['--every', '60']).mode).toEqual({ kind: 'every', minutes: 60 });
});

test('state: the local Azurite by default, else a connection string or a managed identity; retention 400 days', () => {
  expect(loadServiceConfig({}, [])).toMatchObject({ store: { kind: 'local', dataDir: '.data' }, tablePrefix: 'dsr', retentionDays: 400, serve: null, command: 'remind' });
  expect(loadServiceConfig({ AZURE_TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, []).store).toEqual({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });
  expect(loadServiceConfig({ AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net/', MANAGED_IDENTITY_CLIENT_ID: 'mi' }, []).store).toEqual({ kind: 'managedIdentity', endpoint: 'https://acct.table.core.windows.net', clientId: 'mi' });
  expect(loadServiceConfig({ LEDGER_RETENTION_DAYS: '730', BOT_PORT: '4000' }, ['--serve', '--every', '60'])).toMatchObject({ retentionDays: 730, serve: { port: 4000 } });
  expect(loadServiceConfig({}, ['--migrate-ledger', '--dry-run'])).toMatchObject({ command: 'migrate-ledger', dryRun: true });
  expect(loadServiceConfig({}, ['--set-site', 'team-1', 'https://contoso.sharepoint.com/sites/Riverside'])).toMatchObject({ command: 'set-site', site: { teamId: 'team-1', siteUrl: 'https://contoso.sharepoint.com/sites/Riverside' } });
  expect(() => loadServiceConfig({ LEDGER_RETENTION_DAYS: '30' }, [])).toThrow(/LEDGER_RETENTION_DAYS must be a whole number from 375/);
  expect(() => loadServiceConfig({}, ['--migrate-ledger', '--every', '5'])).toThrow(/runs once on its own/);
});

test('one error lists every bad value', () => {
  let error: unknown;
  try {
    loadServiceConfig(
      { PORT: 'eighty', GRAPH_BASE_URL: 'graph.microsoft.com/v1.0', DUE_SOON_DAYS: '-3', REMINDER_CONCURRENCY: '500', REMINDER_RU_PER_MINUTE: '10', REMINDER_AUTH: 'certificate', APP_ID: 'not-a-guid' },
      ['--every', 'soon', '--loud'],
    );
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.join('\n');
  for (const expected of ['PORT', 'GRAPH_BASE_URL', 'DUE_SOON_DAYS', 'REMINDER_CONCURRENCY', 'REMINDER_RU_PER_MINUTE must be a whole number from 60 to 6000', 'APP_ID must be', 'TENANT_ID is required', 'CERTIFICATE_PATH is required', 'AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT is required', '--every', '"--loud"']) {
    expect(problems).toContain(expected);
  }
  expect((error as ConfigError).message).toMatch(/^The reminder service's settings are not valid:\n- /);
});

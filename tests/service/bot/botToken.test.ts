/**
 * The bot's token factory (the Teams SDK's `token` credential) asks the service's token source only
 * for the Bot Connector's scope, and the emulator then issues a token for the Bot Connector's
 * audience (learn.microsoft.com azure/bot-service/rest-api/bot-framework-rest-connector-authentication.md),
 * never a Graph token.
 */
import { emulatorAppTokenSource } from '../../../src/service/appToken';
import { createBot } from '../../../src/service/bot/botApp';
import { EMULATOR_APP_ID } from '../../../src/service/config';
import { InstallationStore } from '../../../src/service/store/installations';
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.close());

const audienceOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { aud: string }).aud;

test('the SDK token factory gets a Bot Connector token and refuses to ask for a Graph one', async () => {
  const tokenSource = emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID });
  const installations = new InstallationStore({} as never);
  const { app } = await createBot({ appId: EMULATOR_APP_ID, tenantId: 'emulator', installations, emulatorOrigin: emulator.url, log: () => undefined, tokenSource });
  const factory = (app.credentials as { token?: (scope: string | string[]) => Promise<string> | string } | undefined)?.token;
  expect(factory).toBeDefined();
  expect(audienceOf(await factory!('https://api.botframework.com/.default'))).toBe('https://api.botframework.com');
  expect(() => factory!('https://graph.microsoft.com/.default')).toThrow(/only for https:\/\/api.botframework.com\/.default/);
});

/** The emulated activity feed and app-only rules the service depends on. */
import { createGraphClient, GraphError, sendActivityNotification, type ActivityNotification } from '../../src/graph';
import { emulatorAppTokenSource } from '../../src/service/appToken';
import { EMULATOR_APP_ID } from '../../src/service/config';
import { DEMO, startTestEmulator, tokenSourceFor, type RunningEmulator } from '../support/emulator';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 20 });
});
afterAll(() => emulator.close());

const note = (recipientUserId: string): ActivityNotification => ({
  activityType: 'reviewDue',
  recipientUserId,
  topic: { source: 'text', value: 'EMIS Web', webUrl: 'https://teams.microsoft.com/l/entity/app/register' },
  previewText: 'Annual review for EMIS Web: due today',
  templateParameters: { serviceName: 'EMIS Web', dueItem: 'Annual review', dueDate: '1 March 2026' },
});

const status = (promise: Promise<unknown>) => promise.then(() => 204, (error: unknown) => (error instanceof GraphError ? error.status : -1));

test('app-only notifications are delivered; undeclared types, outsiders and delegated senders are refused', async () => {
  const app = createGraphClient({ baseUrl: emulator.url, tokenSource: emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID }) });
  expect(await status(sendActivityNotification(app, DEMO.team.id, note(DEMO.staff.id)))).toBe(204);
  expect(await status(sendActivityNotification(app, DEMO.team.id, { ...note(DEMO.staff.id), activityType: 'madeUp' } as unknown as ActivityNotification))).toBe(400);
  expect(await status(sendActivityNotification(app, DEMO.team.id, note(DEMO.outsider.id)))).toBe(403);
  const manager = createGraphClient({ baseUrl: emulator.url, tokenSource: tokenSourceFor(emulator.url, DEMO.manager.upn) });
  // The app has no delegated TeamsActivity.Send consented, so a signed-in manager cannot send one at all.
  expect(await status(sendActivityNotification(manager, DEMO.team.id, note(DEMO.manager.id)))).toBe(403);
  const listed = (await (await fetch(`${emulator.url}/emulator/notifications?recipient=${DEMO.staff.id}`)).json()) as { value: Array<{ text: string }> };
  expect(listed.value.map((n) => n.text)).toEqual(['EMIS Web: Annual review is due today (1 March 2026)']);
});

test('an app-only token cannot post a channel message through Graph (delegated only)', async () => {
  const app = createGraphClient({ baseUrl: emulator.url, tokenSource: emulatorAppTokenSource({ baseUrl: emulator.url, appId: EMULATOR_APP_ID }) });
  const post = app.api(`/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}/messages`).post({ body: { content: 'hi' } });
  expect(await status(post)).toBe(403);
});

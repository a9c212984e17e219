/**
 * Replies to a channel message, as api-reference/v1.0/api/chatmessage-post-replies.md and
 * chatmessage-list-replies.md document them: example 1's request and the shape of its answer, the
 * permissions of each page, a thread one level deep, and the channel's list showing root messages only.
 */
import { appTokenFor, DEMO, startTestEmulator, tokenFor, type RunningEmulator } from '../../support/emulator';
import { call, graphError } from '../call';

const CHANNEL = `/v1.0/teams/${DEMO.team.id}/channels/${encodeURIComponent(DEMO.channel.id)}`;
const GRAPH_EXPLORER = 'de8bc8b5-d9f9-48b1-a8ad-b748da725064';

let emulator: RunningEmulator;
/** The emulator's clock stands still (throttling windows are per second): no test depends on how fast it runs. */
const frozen = new Date();
let sender: string;
let reader: string;

async function explorerToken(scopes: string[]): Promise<string> {
  const response = await fetch(`${emulator.url}/emulator/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn: DEMO.manager.upn, scopes, appId: GRAPH_EXPLORER }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 50, clock: () => frozen });
  sender = await tokenFor(emulator.url, DEMO.manager.upn, undefined, ['ChannelMessage.Send']);
  reader = await explorerToken(['ChannelMessage.Read.All']);
});
afterAll(() => emulator.close());

/** Teams allows about four posts a second per channel (enforced by the emulator): each test starts with a fresh budget. */
async function freshPostBudget(): Promise<void> {
  await fetch(`${emulator.url}/emulator/throttling/reset`, { method: 'POST' });
}
beforeEach(freshPostBudget);

async function postRoot(text: string): Promise<string> {
  const answer = await call(emulator.url, sender, `${CHANNEL}/messages`, { method: 'POST', body: { body: { contentType: 'html', content: text } } });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
}

test('example 1: a reply answers 201 with the message, replyToId naming its root', async () => {
  const root = await postRoot('Root');
  const answer = await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: { body: { contentType: 'html', content: 'Hello World' } } });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({
    replyToId: root,
    etag: answer.body.id,
    messageType: 'message',
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    policyViolation: null,
    eventDetail: null,
    from: { application: null, device: null, user: { id: DEMO.manager.id, displayName: DEMO.manager.displayName, userIdentityType: 'aadUser' } },
    body: { contentType: 'html', content: 'Hello World' },
    channelIdentity: { teamId: DEMO.team.id, channelId: DEMO.channel.id },
    attachments: [],
    mentions: [],
    reactions: [],
  });
  expect(answer.body.id).not.toBe(root);
  expect(answer.body.webUrl).toContain(`parentMessageId=${root}`);
  expect(Date.parse(answer.body.createdDateTime)).not.toBeNaN();
});

test('a reply is checked like a message: body required, attachments referenced', async () => {
  const root = await postRoot('Root for checks');
  expect((await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: {} })).status).toBe(400);
  const unreferenced = { body: { contentType: 'html', content: 'card' }, attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', content: '{}' }] };
  expect((await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: unreferenced })).status).toBe(400);
});

test('a reply to an unknown message or to a reply is 404: Teams threads are one level deep', async () => {
  const missing = await call(emulator.url, sender, `${CHANNEL}/messages/1616990032035/replies`, { method: 'POST', body: { body: { content: 'x' } } });
  expect(missing.status).toBe(404);
  graphError(missing);
  const root = await postRoot('Root for depth');
  const reply = await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: { body: { content: 'first' } } });
  const deeper = await call(emulator.url, sender, `${CHANNEL}/messages/${reply.body.id}/replies`, { method: 'POST', body: { body: { content: 'second' } } });
  expect(deeper.status).toBe(404);
});

test('application permissions are for migration only: an app-only token may not reply', async () => {
  const root = await postRoot('Root for app');
  const answer = await call(emulator.url, await appTokenFor(emulator.url), `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: { body: { content: 'x' } } });
  expect(answer.status).toBe(403);
});

test('listing: replies newest first under /replies with $top, the channel list shows roots only', async () => {
  const root = await postRoot('Root for listing');
  const ids: string[] = [];
  for (const text of ['Reply1', 'Reply2', 'Reply3']) {
    await freshPostBudget();
    ids.push((await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: { body: { contentType: 'text', content: text } } })).body.id);
  }
  const listed = await call(emulator.url, reader, `${CHANNEL}/messages/${root}/replies`);
  expect(listed.status).toBe(200);
  expect(listed.body['@odata.count']).toBe(3);
  expect(listed.body.value.map((m: { id: string }) => m.id)).toEqual([...ids].reverse());
  expect((await call(emulator.url, reader, `${CHANNEL}/messages/${root}/replies?$top=2`)).body.value).toHaveLength(2);
  const roots = await call(emulator.url, reader, `${CHANNEL}/messages?$top=50`);
  const rootIds = roots.body.value.map((m: { id: string }) => m.id);
  expect(rootIds).toContain(root);
  for (const id of ids) expect(rootIds).not.toContain(id);
  // Listing needs ChannelMessage.Read.All (delegated): the tab's ChannelMessage.Send is not enough.
  expect((await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`)).status).toBe(403);
});

test('replies count against the channel post limit (Teams service limits): the fifth post in a second is 429 with Retry-After', async () => {
  const root = await postRoot('Root for limits');
  const answers = [];
  for (let n = 0; n < 4; n += 1) answers.push(await call(emulator.url, sender, `${CHANNEL}/messages/${root}/replies`, { method: 'POST', body: { body: { content: `r${n}` } } }));
  expect(answers.slice(0, 3).map((a) => a.status)).toEqual([201, 201, 201]);
  expect(answers[3]!.status).toBe(429);
  expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
});

/**
 * Reminders from the tab, end to end in Chromium against the emulator serving the built tab: the
 * practice manager previews the digest and posts it to the "Digital services" channel; the post
 * carries the card and real @mentions; the emulator's channel viewer renders the card with the
 * official renderer, and its deep links open the entry in the tab. Staff see the preview only.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { londonDateOf } from '../../src/domain/localDate';
import { NOT_MENTION, safeLabel } from '../../src/domain/reminders/markdown';
import { createGraphClient, listTeamMembers, openRegisterStore } from '../../src/graph';
import { buildTabDigest } from '../../src/tab/features/reminders/tabDigest';
import { screenshotPath } from '../support/browser';
import { DEMO, tokenSourceFor } from '../support/emulator';
import { useTabRig } from '../support/tabRig';
import { registerUrl } from './registerUrl';
import { cardWithPlainNames } from '../../src/graph';


const rig = useTabRig();

async function signedIn(person: { displayName: string }): Promise<Page> {
  const { browser, emulator } = rig();
  // bypassCSP lets the test inject axe-core (an inline script) past the tab's Content-Security-Policy.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(registerUrl(emulator.url, 'view=reminders'));
  await page.getByRole('button', { name: new RegExp(`Sign in as ${person.displayName}`) }).click();
  await page.getByRole('heading', { name: 'Review reminders' }).waitFor();
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = screenshotPath(name);
  if (file) await page.screenshot({ path: file, fullPage: true });
}

/** What the digest should contain today, computed the way the tab does from the seeded register. */
async function expectedDigest() {
  const url = rig().emulator.url;
  const client = createGraphClient({ baseUrl: url, tokenSource: tokenSourceFor(url, DEMO.manager.upn) });
  const entries = await openRegisterStore(client, { teamId: DEMO.team.id, siteId: DEMO.site.id, listId: DEMO.registerListId }).list();
  const members = await listTeamMembers(client, DEMO.team.id);
  return buildTabDigest({ teamId: DEMO.team.id, practiceName: DEMO.team.displayName, today: londonDateOf(new Date()), entries, members, channelId: DEMO.channel.id });
}

interface ChannelMessage {
  from: { user: { id: string } | null };
  body: { content: string };
  attachments: { contentType: string; content: string }[];
  mentions: { id: number; mentionText: string; mentioned: { user: { id: string } } }[];
  localLinks: Record<string, string>;
}

async function channelMessages(): Promise<ChannelMessage[]> {
  const response = await fetch(`${rig().emulator.url}/emulator/channel/messages`);
  return ((await response.json()) as { value: ChannelMessage[] }).value;
}

test('the manager previews the digest, posts it, and the channel shows the card with working deep links', async () => {
  const { digest, reminders } = await expectedDigest();
  expect(reminders.length).toBeGreaterThan(0);
  const page = await signedIn(DEMO.manager);

  // The preview: the card's heading, and every line the card shows, by service and owner.
  const preview = page.getByRole('region', { name: 'Digest preview' });
  await preview.getByRole('heading', { name: 'Digital services: reviews due' }).waitFor();
  for (const reminder of digest.shown.slice(0, 5)) {
    await preview.getByRole('link', { name: `Open ${reminder.entryTitle}` }).first().waitFor();
  }
  for (const mention of digest.graphMentions) await preview.getByText(`@${mention.mentionText}`).first().waitFor();

  // axe finds no WCAG A/AA violation on the view. Tabster's focus sentinels (aria-hidden by design,
  // part of Fluent's focus management, present in every view) are left out of the scan.
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, 'reminders-preview');

  // Post: the practice channel is chosen by default; progress, then success.
  await expect(page.getByLabel('Post to channel').inputValue()).resolves.toBe(DEMO.channel.id);
  const postButton = page.getByRole('button', { name: 'Post to channel now' });
  await postButton.click();
  await page.getByText(`Posted to ${DEMO.channel.displayName}`).waitFor();
  expect(await postButton.isDisabled()).toBe(true);

  // Exactly one message, from the manager, with the card and a real @mention for each owner.
  const posted = (await channelMessages()).filter((m) => m.from.user?.id === DEMO.manager.id);
  expect(posted).toHaveLength(1);
  const message = posted[0] as ChannelMessage;
  const cardText = (message.attachments[0] as { content: string }).content;
  // A person's post: plain names in the card (card mentions are documented for bots only), the mentions in the body.
  expect(JSON.parse(cardText)).toEqual(cardWithPlainNames(digest.card));
  expect(cardText).not.toContain('<at>');
  expect(message.mentions.map((m) => m.mentioned.user.id)).toEqual(digest.graphMentions.map((m) => m.mentioned.user.id));
  for (const mention of message.mentions) expect(message.body.content).toContain(`<at id="${mention.id}">`);

  // The channel viewer renders the card with the official renderer; a deep link opens the entry.
  const first = digest.shown[0] as (typeof digest.shown)[number];
  const viewer = page;
  await viewer.goto(`${rig().emulator.url}/emulator/channel`);
  const rendered = viewer.locator('.message').filter({ hasText: DEMO.manager.displayName }).locator('.ac-adaptiveCard');
  await rendered.getByText('Digital services: reviews due').waitFor();
  await shoot(viewer, 'reminders-channel');
  const visited: string[] = [];
  viewer.on('framenavigated', (frame) => {
    if (frame === viewer.mainFrame()) visited.push(frame.url());
  });
  await rendered.locator('.ac-pushButton', { hasText: `Open ${safeLabel(first.entryTitle, 60, 'service', NOT_MENTION)}` }).first().click();
  await viewer.getByRole('dialog', { name: `Edit ${first.entryTitle}` }).waitFor();
  const opened = new URL(visited.find((url) => url.includes('entry=')) ?? '');
  expect(opened.searchParams.get('view')).toBe('register');
  // The viewer hands the subEntityId over exactly as Teams does, prefix and all; the tab strips it.
  expect(opened.searchParams.get('entry')).toBe(`entry:${first.entryId}`);
  await shoot(viewer, 'reminders-deep-link');
});

test('staff see the preview but cannot post', async () => {
  const page = await signedIn(DEMO.staff);
  await page.getByRole('region', { name: 'Digest preview' }).getByRole('heading', { name: 'Digital services: reviews due' }).waitFor();
  await page.getByText("Only the practice's team owners can post the digest to the channel.").waitFor();
  expect(await page.getByRole('button', { name: /Post/ }).count()).toBe(0);
});

test('a server error on the post is not retried: the manager is told to check the channel first', async () => {
  const before = (await channelMessages()).length;
  const faults = rig().emulator.faults;
  const page = await signedIn(DEMO.manager);
  await page.getByRole('region', { name: 'Digest preview' }).getByRole('heading', { name: 'Digital services: reviews due' }).waitFor();
  // The message is stored, then the answer is a 503: the worst case, a post that arrived but looks failed.
  faults.add({ method: 'POST', path: '/channels/.*/messages$', status: 503, afterCommit: true, times: 1 });
  await page.getByRole('button', { name: 'Post to channel now' }).click();
  await page.getByText('The post may or may not have arrived: check the channel before posting again.').waitFor();
  expect((await channelMessages()).length).toBe(before + 1);

  // Posting again needs the manager to say they have looked.
  const again = page.getByRole('button', { name: 'Post again' });
  expect(await again.isDisabled()).toBe(true);
  await page.getByRole('checkbox', { name: 'I have checked the channel and the digest is not there' }).check();
  expect(await again.isDisabled()).toBe(false);
  expect((await channelMessages()).length).toBe(before + 1);
});

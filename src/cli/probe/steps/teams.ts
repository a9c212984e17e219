/**
 * Teams: the delegated "Post now" channel post (with and without mentions inside the card), an
 * activity-feed notification to the person running the probe, and the bot's proactive post through
 * the Bot Connector, as the reminder service sends it.
 */
import { randomUUID } from 'node:crypto';
import type { AdaptiveCard, GraphMention } from '@domain/reminders';
import { ADAPTIVE_CARD_CONTENT_TYPE, digestMessageBody, pathSegment, postDigestMessage, sendActivityNotification, withScopes } from '../graphParts';
import { BotPostError, postProactiveCard } from '../serviceParts';
import type { ProbeContext, ProbeStep } from '../step';

function probeCard(text: string, mention?: { id: string; name: string }): AdaptiveCard {
  const tag = mention ? ` <at>${mention.name}</at>` : '';
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `${text}${tag}`, wrap: true }],
    msteams: { width: 'Full', entities: mention ? [{ type: 'mention', text: `<at>${mention.name}</at>`, mentioned: mention }] : [] },
  };
}

function meMention(ctx: ProbeContext): GraphMention[] {
  const me = ctx.state.me!;
  return [{ id: 0, mentionText: me.displayName, mentioned: { user: { id: me.id, displayName: me.displayName, userIdentityType: 'aadUser' } } }];
}

export const channelPost: ProbeStep = {
  id: 'channel-post',
  title: 'Channel post as the signed-in user, mentions in the message body ("Post now")',
  required: true,
  writes: true,
  needs: ['workspace'],
  advice: (f) =>
    f.status === 403
      ? '"Post now" in the tab fails for this person (ChannelMessage.Send needs admin consent, and the person must be able to post in the channel); the unattended digest through the bot is unaffected.'
      : '"Post now" in the tab fails; the unattended digest through the bot is unaffected.',
  async run(ctx) {
    const posted = await postDigestMessage(ctx.user, ctx.state.teamId as string, ctx.state.channelId as string, {
      card: probeCard('Digital Services Register probe: a test post with plain names in the card. Safe to delete.'),
      mentions: meMention(ctx),
      attachmentId: randomUUID(),
    });
    return { ok: true, detail: `posted message ${posted.id}` };
  },
};

export const channelPostCardMentions: ProbeStep = {
  id: 'channel-post-card-mentions',
  title: 'Channel post as the signed-in user with <at> mentions inside the card (a fact)',
  required: false,
  writes: true,
  needs: ['workspace'],
  advice: () =>
    'Nothing to change: delegated posts keep the mentions in the message body (Teams documents card mentions for bots only); this records what Graph does with card mentions.',
  async run(ctx) {
    const me = ctx.state.me!;
    // The product's body with one change: the card keeps its <at> mention and msteams.entities
    // (the product strips them for delegated posts: cardWithPlainNames in src/graph/teams/channelMessages.ts).
    const attachmentId = randomUUID();
    const body = digestMessageBody({ card: probeCard('Digital Services Register probe: a test post.'), mentions: [], attachmentId });
    const withMention = probeCard('Digital Services Register probe: a test post with a mention inside the card. Safe to delete.', { id: me.id, name: me.displayName });
    body.attachments = [{ id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: JSON.stringify(withMention), name: null, thumbnailUrl: null }];
    try {
      const posted = (await ctx.user
        .api(`/teams/${pathSegment(ctx.state.teamId as string)}/channels/${pathSegment(ctx.state.channelId as string)}/messages`)
        .middlewareOptions([withScopes('post-to-channel')])
        .post(body)) as { id: string };
      ctx.facts.mentions.cardMentionsDelegatedStatus = 201;
      return { ok: true, detail: `accepted (message ${posted.id}); check in Teams whether the mention inside the card notified you` };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === undefined) throw error;
      ctx.facts.mentions.cardMentionsDelegatedStatus = status;
      return { ok: true, detail: `refused with ${status}: the product's shape (mentions in the body) is the one to use` };
    }
  },
};

export const activityNotification: ProbeStep = {
  id: 'activity-notification',
  title: 'Activity-feed notification to you, app-only (RSC TeamsActivity.Send.Group)',
  required: true,
  writes: true,
  needs: ['workspace', 'sign-in-app'],
  advice: (f) =>
    f.status === 403 || f.status === 401
      ? "Owners get no activity-feed notifications: the app must be installed in the team (installing consents TeamsActivity.Send.Group), for the recipient, and the app signing in must be the manifest's webApplicationInfo app."
      : f.status === 400
        ? "Teams refused the notification's type or parameters: the manifest's activities must declare reviewDue with serviceName, dueItem and dueDate."
        : 'Owners get no activity-feed notifications; the channel digest still goes out.',
  async run(ctx) {
    const me = ctx.state.me!;
    const teamId = ctx.state.teamId as string;
    await sendActivityNotification(ctx.app, teamId, {
      activityType: 'reviewDue',
      recipientUserId: me.id,
      topic: { source: 'text', value: 'Digital Services Register probe', webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(ctx.state.channelId as string)}/conversations?groupId=${teamId}` },
      previewText: 'Probe: a test notification. Nothing is due.',
      templateParameters: { serviceName: 'Probe test', dueItem: 'nothing (a test)', dueDate: new Date().toISOString().slice(0, 10) },
    });
    return { ok: true, detail: `sent to ${me.displayName}: look in your Teams activity feed` };
  },
};

/** Teams answers these when the bot is not in the team (BotNotInConversationRoster, conversation not found). */
function notInstalled(error: unknown): boolean {
  return error instanceof BotPostError && (error.status === 403 || error.status === 404) && /BotNotInConversationRoster|ConversationNotFound/i.test(`${error.code} ${error.message}`);
}

export const botPost: ProbeStep = {
  id: 'bot-post',
  title: 'Proactive bot post through the Bot Connector, with a card mention (the unattended digest)',
  required: true,
  writes: true,
  needs: ['workspace', 'sign-in-app'],
  advice: (f) =>
    f.status === 401
      ? 'The Bot Connector refused the app token: the Azure Bot must be registered with this same app id (the manifest\'s webApplicationInfo id), single-tenant, in this tenant.'
      : f.code === 'ServiceUrlRefused'
        ? 'PROBE_BOT_SERVICE_URL is not a documented Bot Connector address (https://smba.trafficmanager.net/...): the service would refuse it too.'
        : 'The reminder service cannot post the digest into the channel.',
  async run(ctx) {
    const me = ctx.state.me!;
    try {
      const posted = await postProactiveCard(
        {
          serviceUrl: ctx.state.botServiceUrl as string,
          channelId: ctx.state.channelId as string,
          tenantId: ctx.state.tenantId ?? ctx.config.tenantId,
          botAppId: ctx.config.appId,
          card: probeCard('Digital Services Register probe: a test post from the bot. Safe to delete.', { id: me.id, name: me.displayName }),
          summary: 'Probe test post',
        },
        // Locally the emulator's own Bot Connector is allowed; on a tenant only Microsoft's documented hosts.
        { tokenSource: ctx.appTokens, emulatorOrigin: ctx.config.target === 'emulator' ? new URL(ctx.config.graphBaseUrl).origin : null, maxRetries: 2 },
      );
      return { ok: true, detail: `posted activity ${posted.activityId}` };
    } catch (error) {
      if (!notInstalled(error)) throw error;
      return {
        ok: true,
        skipped: true,
        detail: 'the bot is not installed in this team',
        advice: 'Add the app to the team (docs/deployment.md section 6, step 4), then run the probe again: until then the reminder service cannot post here.',
      };
    }
  },
};

/**
 * `POST /v1.0/teams/{teamId}/sendActivityNotification` -> 204, validated as Graph documents it:
 * the activity type must be declared in the app manifest and its template parameters supplied;
 * the recipient must be an `aadUserNotificationRecipient` in the team (the app is installed for
 * them through the team; the exact error for a recipient outside it is to be verified on a tenant);
 * an `entityUrl` topic must be the team or a child of it, a `text` topic needs a Teams `webUrl`;
 * a signed-in user cannot notify themselves. Delivered notifications are kept for
 * `GET /emulator/notifications[?teamId=&recipient=]` (tests, the channel viewer).
 */
import { randomUUID } from 'node:crypto';
import manifest from '../../../manifest/manifest.json';
import { fail } from '../errors';
import { json, noContent } from '../http';
import { isAppPrincipal } from '../model/appPrincipal';
import { isMember, requireTeam } from '../model/teams';
import type { Route, RouteContext } from '../router';

const RECIPIENT_TYPES = ['microsoft.graph.aadUserNotificationRecipient', 'Microsoft.Teams.GraphSvc.aadUserNotificationRecipient'];
const TEMPLATES = new Map(manifest.activities.activityTypes.map((type) => [type.type, type.templateText]));

export interface NotificationDoc {
  id: string;
  teamId: string;
  sentDateTime: string;
  sender: { kind: 'app' | 'user'; id: string; displayName: string };
  activityType: string;
  recipientUserId: string;
  topic: Record<string, unknown>;
  previewText: string;
  templateParameters: Record<string, string>;
  /** The manifest's templateText with the parameters filled in: what the feed shows. */
  text: string;
}

function templateNames(templateText: string): string[] {
  return [...templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((name) => name !== 'actor');
}

function checkTopic(topic: unknown, teamId: string): Record<string, unknown> {
  const t = (topic ?? {}) as { source?: unknown; value?: unknown; webUrl?: unknown };
  if (typeof t.value !== 'string' || t.value === '') throw fail.badRequest('topic.value is required.');
  if (t.source === 'entityUrl') {
    const teamUrl = `https://graph.microsoft.com/v1.0/teams/${teamId}`;
    if (t.value !== teamUrl && !t.value.startsWith(`${teamUrl}/`)) throw fail.badRequest('The entity URL must be the same as, or a child resource of, the team in the request URL.');
    return { source: t.source, value: t.value };
  }
  if (t.source === 'text') {
    if (typeof t.webUrl !== 'string' || !t.webUrl.startsWith('https://teams.microsoft.com/')) throw fail.badRequest('A text topic needs a webUrl that starts with the Microsoft Teams domain.');
    return { source: t.source, value: t.value, webUrl: t.webUrl };
  }
  throw fail.badRequest("topic.source must be 'entityUrl' or 'text'.");
}

function send(ctx: RouteContext) {
  const team = requireTeam(ctx.state.storage, ctx.params.teamId as string, ctx.user);
  const body = (ctx.req.body ?? {}) as Record<string, unknown>;
  const activityType = body.activityType;
  const template = typeof activityType === 'string' ? TEMPLATES.get(activityType) : undefined;
  if (template === undefined) throw fail.badRequest(`Activity type '${String(activityType)}' is not declared in the app manifest.`);
  const params = Array.isArray(body.templateParameters) ? (body.templateParameters as { name?: unknown; value?: unknown }[]) : [];
  const values: Record<string, string> = {};
  for (const p of params) {
    if (typeof p.name !== 'string' || typeof p.value !== 'string') throw fail.badRequest('templateParameters must be [{name, value}] strings.');
    values[p.name] = p.value;
  }
  const wanted = templateNames(template);
  const missing = wanted.filter((name) => !(name in values));
  const extra = Object.keys(values).filter((name) => !wanted.includes(name));
  if (missing.length > 0 || extra.length > 0) throw fail.badRequest(`Template parameters do not match '${activityType}': missing [${missing.join(', ')}], unexpected [${extra.join(', ')}].`);
  const recipient = (body.recipient ?? {}) as { '@odata.type'?: unknown; userId?: unknown };
  // team-sendactivitynotification.md shows both type names, and a user principal name as userId (example 3).
  if (!RECIPIENT_TYPES.includes(String(recipient['@odata.type'])) || typeof recipient.userId !== 'string')
    throw fail.badRequest('recipient must be {"@odata.type": "microsoft.graph.aadUserNotificationRecipient", "userId": "..."}.');
  const recipientId = ctx.state.directory.find(recipient.userId)?.id ?? recipient.userId;
  if (!isMember(team, recipientId)) throw fail.forbidden('The recipient is not a member of the team, so the app is not installed for them.');
  const app = isAppPrincipal(ctx.user);
  if (!app && recipientId === ctx.user.id) throw fail.badRequest('A user cannot send an activity notification to themselves; use application permissions.');
  const preview = (body.previewText ?? {}) as { content?: unknown };
  const doc: NotificationDoc = {
    id: randomUUID(), teamId: team.id, sentDateTime: ctx.state.now().toISOString(),
    sender: { kind: app ? 'app' : 'user', id: ctx.user.id, displayName: ctx.user.displayName },
    activityType: activityType as string, recipientUserId: recipientId, topic: checkTopic(body.topic, team.id),
    previewText: typeof preview.content === 'string' ? preview.content : '', templateParameters: values,
    text: template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole),
  };
  ctx.state.storage.put('notification', doc.id, doc, team.id);
  return noContent();
}

function list(ctx: RouteContext) {
  const teamId = ctx.query.get('teamid');
  const recipient = ctx.query.get('recipient');
  const all = ctx.state.storage.list<NotificationDoc>('notification', teamId);
  return json(200, { value: recipient === undefined ? all : all.filter((n) => n.recipientUserId === recipient) });
}

export const activityFeedRoutes: Route[] = [{ method: 'POST', path: '/v1.0/teams/:teamId/sendActivityNotification', handler: send }];
export const notificationControlRoutes: Route[] = [{ method: 'GET', path: '/emulator/notifications', query: ['teamid', 'recipient'], handler: list }];

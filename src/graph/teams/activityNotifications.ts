/**
 * Teams activity-feed notifications in the scope of a practice team:
 * `POST /teams/{teamId}/sendActivityNotification` -> 204. App-only with the RSC permission
 * `TeamsActivity.Send.Group` (granted when the team installs the app) or `TeamsActivity.Send`.
 *
 * The activity types and their template parameters are the ones declared in the manifest's
 * `activities.activityTypes`; Teams rejects any other type or parameter set.
 */
import type { GraphClient } from '../client';
import { pathSegment } from '../client';

/** Manifest activity type -> the template parameters its templateText uses (manifest/manifest.json). */
export const ACTIVITY_TEMPLATES = {
  reviewDueSoon: ['serviceName', 'dueItem', 'dueDate'],
  reviewDue: ['serviceName', 'dueItem', 'dueDate'],
  reviewOverdue: ['serviceName', 'dueItem', 'dueDate'],
  reviewEscalated: ['serviceName', 'dueItem', 'daysOverdue', 'ownerName'],
  ownerLeft: ['serviceName', 'ownerName'],
} as const;

export type ActivityType = keyof typeof ACTIVITY_TEMPLATES;
export type TemplateParameters<T extends ActivityType> = Record<(typeof ACTIVITY_TEMPLATES)[T][number], string>;

/**
 * entityUrl: the Graph URL of a resource in the team (e.g. the channel tab), opened on click.
 * text: free text naming the topic, and `webUrl`, a Teams deep link (must start with https://teams.microsoft.com).
 */
export type ActivityTopic = { readonly source: 'entityUrl'; readonly value: string } | { readonly source: 'text'; readonly value: string; readonly webUrl: string };

export interface ActivityNotificationOf<T extends ActivityType> {
  readonly activityType: T;
  readonly recipientUserId: string;
  readonly topic: ActivityTopic;
  /** Teams shows up to 150 characters; longer text is cut with an ellipsis here. */
  readonly previewText: string;
  readonly templateParameters: TemplateParameters<T>;
}

/** One notification of any declared type (a union, so each type's parameters are checked). */
export type ActivityNotification = { [T in ActivityType]: ActivityNotificationOf<T> }[ActivityType];

const PREVIEW_MAX = 150;

/** The Graph URL of a channel tab, for an `entityUrl` topic. */
export function channelTabEntityUrl(teamId: string, channelId: string, tabId: string): string {
  return `https://graph.microsoft.com/v1.0/teams/${pathSegment(teamId)}/channels/${pathSegment(channelId)}/tabs/${pathSegment(tabId)}`;
}

/** The request body. Pure, for dry runs and tests. */
export function activityNotificationBody(notification: ActivityNotification): Record<string, unknown> {
  const params = notification.templateParameters as Record<string, string>;
  // An undeclared type (possible from untyped callers) sends what it has; Graph answers 400.
  const names = (ACTIVITY_TEMPLATES[notification.activityType] as readonly string[] | undefined) ?? Object.keys(params);
  const preview = [...notification.previewText];
  return {
    topic: notification.topic,
    activityType: notification.activityType,
    previewText: { content: preview.length > PREVIEW_MAX ? `${preview.slice(0, PREVIEW_MAX - 1).join('')}…` : notification.previewText },
    recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: notification.recipientUserId },
    templateParameters: names.map((name) => ({ name, value: params[name] ?? '' })),
  };
}

/**
 * Sends one notification. Retried on 429 only (after Retry-After): a 5xx may have delivered it, and a
 * second notification is worse than the ledger re-sending it on the next run.
 * @throws GraphError (400 undeclared type or bad parameters, 403 app not installed for the recipient).
 */
export async function sendActivityNotification(client: GraphClient, teamId: string, notification: ActivityNotification): Promise<void> {
  await client.api(`/teams/${pathSegment(teamId)}/sendActivityNotification`).post(activityNotificationBody(notification));
}

/**
 * Which activity-feed notifications one reminder sends, and to whom: the owner gets the stage's
 * type; the managers (team owners) get `ownerLeft` when the owner has left, `reviewEscalated` once
 * escalated, and the stage's type when there is no owner. Nobody gets two for one reminder.
 */
import type { PersonRef } from '@domain';
import { formatLocalDate } from '@domain';
import { KIND_LABELS, whenText, safeLabel } from '@domain/reminders';
import type { Reminder } from '@domain/reminders';
import type { ActivityNotification, ActivityType } from '@graph/teams';

const STAGE_TYPES: Record<Reminder['stage'], 'reviewDueSoon' | 'reviewDue' | 'reviewOverdue'> = {
  'due-soon': 'reviewDueSoon',
  due: 'reviewDue',
  overdue: 'reviewOverdue',
  escalated: 'reviewOverdue',
};

export interface NotificationContext {
  /** Entra ids of the practice's managers (team owners). */
  readonly managerIds: readonly string[];
  /** The entry's named owner even when they have left (for "{ownerName} is no longer in the team"). */
  readonly namedOwner: PersonRef | null;
  /** Teams deep link that opens the entry. */
  readonly link: string;
}

export function notificationsFor(reminder: Reminder, context: NotificationContext): ActivityNotification[] {
  const serviceName = safeLabel(reminder.entryTitle, 60, 'A service');
  const dueItem = KIND_LABELS[reminder.kind];
  const dueDate = formatLocalDate(reminder.dueDate);
  const topic = { source: 'text' as const, value: serviceName, webUrl: context.link };
  const preview = `${dueItem} for ${serviceName}: ${whenText(reminder)}`;
  const out: ActivityNotification[] = [];
  const sent = new Set<string>();
  const add = (recipientUserId: string, activityType: ActivityType, templateParameters: Record<string, string>, previewText: string) => {
    if (recipientUserId === '' || sent.has(recipientUserId)) return;
    sent.add(recipientUserId);
    out.push({ activityType, recipientUserId, topic, previewText, templateParameters } as ActivityNotification);
  };
  if (reminder.owner !== null) add(reminder.owner.entraId, STAGE_TYPES[reminder.stage], { serviceName, dueItem, dueDate }, preview);
  if (!reminder.recipients.some((r) => r.kind === 'managers')) return out;
  const ownerName = safeLabel(context.namedOwner?.displayName ?? '', 60, 'no owner');
  for (const managerId of context.managerIds) {
    if (reminder.ownerIssue === 'owner-left') add(managerId, 'ownerLeft', { serviceName, ownerName }, `${preview}. ${ownerName} has left: please reassign.`);
    else if (reminder.stage === 'escalated') add(managerId, 'reviewEscalated', { serviceName, dueItem, daysOverdue: String(-reminder.daysUntilDue), ownerName }, `Escalated: ${preview}`);
    else add(managerId, STAGE_TYPES[reminder.stage], { serviceName, dueItem, dueDate }, `No owner: ${preview}`);
  }
  return out;
}

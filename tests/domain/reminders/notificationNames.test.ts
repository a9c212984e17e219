/** Issue 14: a service's name reaches the activity feed as the practice wrote it, brackets included. */
import { remindersFor } from '../../../src/domain/reminders/reminderPolicy';
import { notificationsFor } from '../../../src/service/reminderNotifications';
import { healthyEntry, PRIYA, TODAY } from '../entryFixture';

test('"Electronic Prescription Service (EPS)" keeps its brackets in the notification the owner sees', () => {
  const entry = healthyEntry({ title: 'Electronic Prescription Service (EPS)', nextReviewDue: '2026-06-20' });
  const [reminder] = remindersFor([{ id: '7', entry }], TODAY, { practiceId: 'team' });
  const [sent] = notificationsFor(reminder!, { managerIds: [], namedOwner: PRIYA, link: 'https://teams.microsoft.com/l/entity/x' });
  expect(sent!.templateParameters.serviceName).toBe('Electronic Prescription Service (EPS)');
  expect(sent!.previewText).toContain('for Electronic Prescription Service (EPS):');
});

/**
 * @jest-environment jsdom
 */
/**
 * The network's notes as the entry dialog shows them: only the notes about that entry, from each
 * network the practice has joined, as text; "no notes about this service" otherwise; and a network
 * whose notes cannot be read is said so, never shown as "no notes". Graph calls are replaced.
 */
import '../../../../support/domSetup';
import { screen } from '@testing-library/react';
import type { NetworkComment, NetworkMembership } from '../../../../../src/domain/network';
import { GraphError, type GraphClient } from '../../../../../src/graph';
import { commentsForMyPractice } from '../../../../../src/graph/network';
import { NetworkNotes } from '../../../../../src/tab/features/network/practice/NetworkNotes';
import { renderTab } from '../../../../support/renderTab';

jest.mock('@graph/network', () => ({ commentsForMyPractice: jest.fn() }));
const notes = commentsForMyPractice as jest.MockedFunction<typeof commentsForMyPractice>;

const CLIENT = {} as GraphClient;
const PCN: NetworkMembership = {
  state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 't', networkSiteId: 'site-pcn', changedOn: '2026-01-02', changedBy: 'Mary',
};

function note(entryItemId: string, text: string): NetworkComment {
  return { key: `cmt-${entryItemId}-${text.length}`, practiceSiteId: 'site-practice', entryItemId, entryTitle: `Entry ${entryItemId}`, text, authorName: 'Imogen', authorId: 'u', writtenAt: '2026-02-03T10:00:00Z' };
}

beforeEach(() => notes.mockReset());

test("the entry's section lists only the notes about that entry, as text", async () => {
  notes.mockResolvedValue([note('7', 'Add a downtime process <b>now</b>'), note('8', 'About another service')]);
  renderTab(<NetworkNotes client={CLIENT} memberships={[PCN]} practiceSiteId="site-practice" entryItemId="7" />);
  const list = await screen.findByRole('list', { name: 'Notes from Northgate PCN' });
  expect(list.textContent).toContain('Add a downtime process <b>now</b>');
  expect(list.textContent).not.toContain('About another service');
  expect(list.querySelector('b')).toBeNull();
  expect(notes).toHaveBeenCalledWith(CLIENT, 'site-pcn', 'site-practice');
});

test('an entry with no notes says so', async () => {
  notes.mockResolvedValue([note('8', 'About another service')]);
  renderTab(<NetworkNotes client={CLIENT} memberships={[PCN]} practiceSiteId="site-practice" entryItemId="7" />);
  await screen.findByText('No notes from Northgate PCN about this service.');
});

test("notes that cannot be read are said so, never shown as none", async () => {
  notes.mockRejectedValue(new GraphError(403, 'accessDenied', 'Access denied'));
  renderTab(<NetworkNotes client={CLIENT} memberships={[PCN]} practiceSiteId="site-practice" entryItemId="7" />);
  await screen.findByText('The notes from Northgate PCN could not be read');
  expect(screen.queryByText(/No notes/)).toBeNull();
});

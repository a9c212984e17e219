/**
 * The practice's opt-ins are read once per session for the register's "Link a PCN service" and the
 * entry's network notes; a failed read is asked again; what the PCN and ICB panel read or wrote is
 * what the others see from then on.
 */
import type { NetworkMembership } from '../../../src/domain/network';
import type { GraphClient } from '../../../src/graph';
import { readMembership } from '../../../src/graph/network';
import { readMembershipOnce, rememberMembership } from '../../../src/tab/state/networkMembership';

jest.mock('@graph/network', () => ({ readMembership: jest.fn() }));
const read = readMembership as jest.MockedFunction<typeof readMembership>;
const CLIENT = {} as GraphClient;
const JOINED: NetworkMembership = {
  state: 'joined', kind: 'pcn', networkName: 'Northgate PCN', networkTeamId: 't', networkSiteId: 'site-pcn', changedOn: '2026-01-02', changedBy: 'Mary',
};

beforeEach(() => read.mockReset());

test('reads a site\'s opt-in once, whoever asks', async () => {
  read.mockResolvedValue(JOINED);
  await expect(readMembershipOnce(CLIENT, 'site-a', 'pcn')).resolves.toEqual(JOINED);
  await expect(readMembershipOnce(CLIENT, 'site-a', 'pcn')).resolves.toEqual(JOINED);
  expect(read).toHaveBeenCalledTimes(1);
  expect(read).toHaveBeenCalledWith(CLIENT, 'site-a', 'pcn');
});

test('a failed read is asked again next time', async () => {
  read.mockRejectedValueOnce(new Error('throttled')).mockResolvedValueOnce(null);
  await expect(readMembershipOnce(CLIENT, 'site-b', 'icb')).rejects.toThrow('throttled');
  await expect(readMembershipOnce(CLIENT, 'site-b', 'icb')).resolves.toBeNull();
  expect(read).toHaveBeenCalledTimes(2);
});

test('what the panel wrote is what the others see, with no read', async () => {
  rememberMembership('site-c', 'pcn', { ...JOINED, state: 'withdrawn' });
  await expect(readMembershipOnce(CLIENT, 'site-c', 'pcn')).resolves.toMatchObject({ state: 'withdrawn' });
  expect(read).not.toHaveBeenCalled();
});

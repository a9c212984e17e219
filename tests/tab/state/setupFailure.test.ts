/** Setup's failures in plain words: a 403 while bringing the register up to date names the grant and who can fix it. */
import { GraphError } from '../../../src/graph';
import { describeSetupFailure } from '../../../src/tab/state/setupFailure';

test('a 403 while bringing the register up to date asks for a team owner and an owner or fullcontrol grant', () => {
  const help = describeSetupFailure(new GraphError(403, 'accessDenied', 'Access denied', { requestId: 'r-1' }), 'update-lists', 'Riverside Medical Practice');
  expect(help.title).toBe("Permission needed to bring the register's lists in the team's SharePoint site up to date");
  expect(help.missing).toMatch(/you are an owner of Riverside Medical Practice/);
  expect(help.missing).toMatch(/"fullcontrol" or "owner" role/);
  expect(help.whoCanFix.join(' ')).toMatch(/raises the app's grant on this team's site to "owner" or "fullcontrol"/);
  expect(help.detail).toBe('403 accessDenied (request id r-1)');
});

test('a 403 reading the lists is about membership and the site grant, not list creation', () => {
  const help = describeSetupFailure(new GraphError(403, 'accessDenied', 'Access denied'), 'find-lists', 'Riverside');
  expect(help.missing).toMatch(/not a member of Riverside/);
  expect(help.whoCanFix.join(' ')).toMatch(/Sites\.Selected permission, one grant per site/);
});

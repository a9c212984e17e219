/** Where the register is (the saved ids), how a site URL becomes a Graph path, and deep-link entry ids. */
import { sitePathOf } from '../../../src/graph';
import { entryIdFromSubEntity } from '../../../src/tab/state/deepLinkEntry';
import { locationUrl, savedLocationFrom, savedTeamIdFrom } from '../../../src/tab/state/savedLocation';

const SITE = 'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe';

test('the tab address the configuration page saves carries every id, and reads back the same', () => {
  const location = { teamId: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', siteId: SITE, listId: '22e03ef3-6ef4-424d-a1d3-92a337807c30', settingsId: 'ab' };
  const url = locationUrl('https://dsr.example.nhs.uk', location);
  expect(url.startsWith('https://dsr.example.nhs.uk/?')).toBe(true);
  expect(savedLocationFrom(new URL(url).search)).toEqual(location);
});

test('a partial or hostile address is no location at all (the tab then finds the site the documented way)', () => {
  expect(savedLocationFrom('?teamId=t&siteId=s')).toBeNull();
  expect(savedLocationFrom('?teamId=t&siteId=s&listId=<script>')).toBeNull();
  expect(savedTeamIdFrom('?teamId=7c1d2e3f')).toBe('7c1d2e3f');
});

test('a site URL from the Teams context becomes /sites/{hostname}:/{server-relative-path}', () => {
  expect(sitePathOf('https://nhs.sharepoint.com/sites/RiversideMedicalPractice')).toBe('/sites/nhs.sharepoint.com:/sites/RiversideMedicalPractice');
  expect(sitePathOf('https://nhs.sharepoint.com/sites/Riverside Practice/')).toBe('/sites/nhs.sharepoint.com:/sites/Riverside%20Practice');
  expect(() => sitePathOf('http://nhs.sharepoint.com/sites/x')).toThrow('Not a SharePoint site URL');
});

test('a deep link subEntityId "entry:{id}" is compared without its prefix; bare ids still work', () => {
  expect(entryIdFromSubEntity('entry:42')).toBe('42');
  expect(entryIdFromSubEntity('42')).toBe('42');
  expect(entryIdFromSubEntity('entry:')).toBeNull();
  expect(entryIdFromSubEntity('entry:../x')).toBeNull();
  expect(entryIdFromSubEntity(null)).toBeNull();
});

/**
 * One concrete request for every Graph route the emulator serves, keyed `METHOD path` as the route
 * declares it (src/emulator/permissions.ts): what the permission tests send.
 */
import { DEMO_GRANT_ID } from '../../src/emulator/seed/seed';
import { DEMO } from '../support/emulator';

export interface Sample {
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

const SITE = `/v1.0/sites/${encodeURIComponent(DEMO.site.id)}`;
const LIST = `${SITE}/lists/${DEMO.registerListId}`;
const ITEMS = `${LIST}/items`;
const TEAM = `/v1.0/teams/${DEMO.team.id}`;
const CHANNEL = `${TEAM}/channels/${encodeURIComponent(DEMO.channel.id)}`;
const SITE_URL = new URL(DEMO.site.webUrl);

export const SAMPLES: Readonly<Record<string, Sample>> = {
  'GET /v1.0/me': { path: '/v1.0/me' },
  'GET /v1.0/me/joinedTeams': { path: '/v1.0/me/joinedTeams' },
  'GET /v1.0/me/people': { path: '/v1.0/me/people' },
  'GET /v1.0/users': { path: '/v1.0/users?$search="displayName:priya"', headers: { ConsistencyLevel: 'eventual' } },
  'GET /v1.0/users/$count': { path: '/v1.0/users/$count', headers: { ConsistencyLevel: 'eventual' } },
  'GET /v1.0/users/:userId': { path: `/v1.0/users/${DEMO.staff.id}` },
  'GET /v1.0/teams/:teamId/members': { path: `${TEAM}/members` },
  'GET /v1.0/teams/:teamId/channels': { path: `${TEAM}/channels` },
  'GET /v1.0/teams/:teamId/channels/:channelId': { path: CHANNEL },
  'GET /v1.0/teams/:teamId/channels/:channelId/messages': { path: `${CHANNEL}/messages` },
  'POST /v1.0/teams/:teamId/channels/:channelId/messages': { path: `${CHANNEL}/messages`, body: { body: { contentType: 'html', content: 'Hello' } } },
  'GET /v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies': { path: `${CHANNEL}/messages/1616990032035/replies` },
  'POST /v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies': { path: `${CHANNEL}/messages/1616990032035/replies`, body: { body: { contentType: 'html', content: 'Hello World' } } },
  'POST /v1.0/teams/:teamId/sendActivityNotification': {
    path: `${TEAM}/sendActivityNotification`,
    body: {
      topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/teams/${DEMO.team.id}` },
      activityType: 'reviewDue',
      previewText: { content: 'Review due' },
      recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: DEMO.staff.id },
      templateParameters: [{ name: 'serviceName', value: 'EMIS Web' }, { name: 'dueItem', value: 'Annual review' }, { name: 'dueDate', value: 'today' }],
    },
  },
  'GET /v1.0/groups/:groupId/sites/root': { path: `/v1.0/groups/${DEMO.team.id}/sites/root` },
  'GET /v1.0/sites/:siteId': { path: SITE },
  'GET /v1.0/sites/:hostname/:collection/:siteName': { path: `/v1.0/sites/${SITE_URL.hostname}:${SITE_URL.pathname}` },
  'GET /v1.0/sites/:siteId/lists': { path: `${SITE}/lists` },
  'POST /v1.0/sites/:siteId/lists': { path: `${SITE}/lists`, body: { displayName: 'Permission probe', list: { template: 'genericList' } } },
  'GET /v1.0/sites/:siteId/lists/:listId': { path: LIST },
  'GET /v1.0/sites/:siteId/lists/:listId/columns': { path: `${LIST}/columns` },
  'POST /v1.0/sites/:siteId/lists/:listId/columns': { path: `${LIST}/columns`, body: { name: 'ProbeColumn', text: {} } },
  'DELETE /v1.0/sites/:siteId/lists/:listId/columns/:columnId': { path: `${LIST}/columns/00000000-0000-4000-8000-0000000c0de1` },
  'GET /v1.0/sites/:siteId/lists/:listId/items': { path: `${ITEMS}?$top=5` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/delta': { path: `${ITEMS}/delta` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId': { path: `${ITEMS}/1` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/fields': { path: `${ITEMS}/1/fields` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/versions': { path: `${ITEMS}/1/versions` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/versions/:versionId': { path: `${ITEMS}/1/versions/1.0` },
  'GET /v1.0/sites/:siteId/lists/:listId/items/:itemId/versions/:versionId/fields': { path: `${ITEMS}/1/versions/1.0/fields` },
  'POST /v1.0/sites/:siteId/lists/:listId/items': { path: ITEMS, body: { fields: { Title: 'Permission probe' } } },
  'PATCH /v1.0/sites/:siteId/lists/:listId/items/:itemId': { path: `${ITEMS}/2`, body: { fields: { Notes: 'probe' } } },
  'PATCH /v1.0/sites/:siteId/lists/:listId/items/:itemId/fields': { path: `${ITEMS}/2/fields`, body: { Notes: 'probe' } },
  'DELETE /v1.0/sites/:siteId/lists/:listId/items/:itemId': { path: `${ITEMS}/3` },
  'GET /v1.0/sites/:siteId/permissions': { path: `${SITE}/permissions` },
  'POST /v1.0/sites/:siteId/permissions': { path: `${SITE}/permissions`, body: { roles: ['read'], grantedToIdentities: [{ application: { id: '0d5e6f70-1a2b-4c3d-8e9f-00000000beef', displayName: 'Other' } }] } },
  'GET /v1.0/sites/:siteId/permissions/:permissionId': { path: `${SITE}/permissions/${DEMO_GRANT_ID}` },
  'PATCH /v1.0/sites/:siteId/permissions/:permissionId': { path: `${SITE}/permissions/${DEMO_GRANT_ID}`, body: { roles: ['owner'] } },
  'DELETE /v1.0/sites/:siteId/permissions/:permissionId': { path: `${SITE}/permissions/${DEMO_GRANT_ID}` },
};

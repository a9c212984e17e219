/**
 * The seeded tenant the documented examples are replayed against, and the explicit map from the
 * documentation's sample ids and hostnames to it.
 *
 * Microsoft's examples use placeholders (`{site-id}`) and sample ids from their demo tenants
 * (`contoso.sharepoint.com,2C712604-...`, Adele Vance's user id). `DOC_IDS` maps each of those
 * strings to a NAME; `prepareTenant` gives each name a value in the emulator's demo practice
 * (src/emulator/seed/demoPractice.ts), creating through the emulator's own HTTP surface what the
 * examples assume exists: a list with the docs' Name/Color/Quantity/Weight columns and the
 * Gadget/Widget/Gizmo items, a delta token taken before some changes. (The channel's messages are
 * the ones the chatmessage-post examples send, before the channel-list-messages examples read them:
 * Teams allows a channel only a few posts a second, so the suite posts no more than those.)
 */
import { DEMO } from '../../support/emulator';

/** The local app identity (src/emulator/model/appPrincipal.ts DEMO_APP): the tab, bot and service are one Entra app. */
export const CONTRACT_APP_ID = '0d5e6f70-1a2b-4c3d-8e9f-00000000b07a';

/** Documentation string -> tenant name. Longer strings are replaced first. */
export const DOC_IDS: Readonly<Record<string, string>> = {
  // SharePoint
  '{site-id}': 'site',
  '{siteId}': 'site',
  '{sitesId}': 'site',
  '{permissionId}': 'sitePermission',
  'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE': 'site',
  '{hostname}': 'siteHostname',
  '{relative-path}': 'sitePath',
  '{list-id}': 'productsList',
  '{listId}': 'productsList',
  '22e03ef3-6ef4-424d-a1d3-92a337807c30': 'productsList',
  '{list-title}': 'productsListTitle',
  '{item-id}': 'widget',
  '{version-id}': 'firstVersion',
  '1230919asd190410jlka': 'deltaToken',
  // Teams and groups
  '{team-id}': 'team',
  '{teamId}': 'team',
  '{group-id}': 'team',
  'ee0f5ae2-8bc6-4ae5-8466-7daeebbfa062': 'team',
  '893075dd-2487-4122-925f-022c42e20265': 'team',
  'fbe2bf47-16c8-47cf-b4a5-4b9b187c508b': 'team',
  '{channel-id}': 'channel',
  '{channelId}': 'channel',
  '19:561fbdbbfca848a484f0a6f00ce9dbbd@thread.tacv2': 'channel',
  '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2': 'channel',
  '{tabId}': 'tab',
  // The app a site permission is granted to (site-post-permissions.md) is the register's own app.
  '89ea5c94-7736-4e25-95ad-3fa95f62b66e': 'app',
  // People: the documentation's sample users become practice staff (never the signed-in manager,
  // who cannot, for example, send an activity notification to herself).
  '87d349ed-44d7-43e1-9a83-5f2406dee5bd': 'staff',
  '569363e2-4e49-4661-87f2-16f245c5d66a': 'staff',
  'ef1c916a-3135-4417-ba27-8eb7bd084193': 'staff',
  '73761f06-2ac9-469c-9f10-279a8cc267f9': 'staff',
  'john.doe@microsoft.com': 'staffUpn',
};

export type Tenant = Record<string, string>;

/** The values that exist in every freshly seeded emulator. */
function seeded(): Tenant {
  const web = new URL(DEMO.site.webUrl);
  return {
    site: DEMO.site.id,
    siteHostname: web.hostname,
    sitePath: web.pathname.replace(/^\//, ''),
    team: DEMO.team.id,
    channel: DEMO.channel.id,
    tab: 'digitalservicesregister',
    staff: DEMO.staff.id,
    staffUpn: DEMO.staff.upn,
    firstVersion: '1.0',
    app: CONTRACT_APP_ID,
  };
}

/**
 * Sends one set-up request with a token carrying `scope`, what that page lists: delegated for the
 * manager, or app-only when written `app:Permission`.
 */
type Send = (scope: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

// The least-privileged delegated permissions the pages list: list-create.md, listitem-create.md.
const MANAGE = 'Sites.Manage.All';
const WRITE = 'Sites.ReadWrite.All';
// site-post-permissions.md: application only.
const GRANT = 'app:Sites.FullControl.All';
/** An app with no grant of its own (src/emulator/model/appPrincipal.ts OTHER_APP): the set-up grants it read. */
const OTHER_APP = { id: '0d5e6f70-1a2b-4c3d-8e9f-00000000beef', displayName: 'Some other app (emulator)' };

/**
 * Creates what the examples assume, through the emulator's HTTP surface, and returns every name's value.
 * @throws Error when a set-up request fails (the suite cannot run meaningfully).
 */
export async function prepareTenant(send: Send): Promise<Tenant> {
  const tenant = seeded();
  const site = `/v1.0/sites/${tenant.site}`;
  const must = async (scope: string, method: string, path: string, body?: unknown) => {
    const answer = await send(scope, method, path, body);
    if (answer.status >= 300) throw new Error(`Contract set-up ${method} ${path} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  // The documentation's inventory list (listitem-list.md, list-get.md, listitem-create.md).
  const list = await must(MANAGE, 'POST', `${site}/lists`, {
    displayName: 'Contract Products',
    columns: [
      { name: 'Name', description: 'Customer-facing name of the SKU', text: {} },
      { name: 'Color', description: 'Color of the item in stock', text: {} },
      { name: 'Quantity', description: 'Number of items in stock', number: {} },
      { name: 'Weight', number: {} },
    ],
    list: { template: 'genericList' },
  });
  tenant.productsList = String(list.id);
  tenant.productsListTitle = 'Contract Products';
  const items = `${site}/lists/${tenant.productsList}/items`;
  const add = async (fields: Record<string, unknown>) => String((await must(WRITE, 'POST', items, { fields })).id);
  tenant.gadget = await add({ Title: 'Gadget', Name: 'Gadget', Color: 'Red', Quantity: 503 });
  tenant.widget = await add({ Title: 'Widget', Name: 'Widget', Color: 'Blue', Quantity: 2357 });
  tenant.gizmo = await add({ Title: 'Gizmo', Name: 'Gizmo', Color: 'Green', Quantity: 92 });
  tenant.disposable = await add({ Title: 'Disposable', Name: 'Disposable', Color: 'Grey', Quantity: 1 });
  const doomed = await add({ Title: 'Doomed', Name: 'Doomed', Color: 'Black', Quantity: 0 });
  // A second version of the widget, so its version history has more than one entry.
  await must(WRITE, 'PATCH', `${items}/${tenant.widget}/fields`, { Quantity: 2358 });
  // A delta token, then an update and a deletion after it (listitem-delta.md, example 2).
  const latest = await must(WRITE, 'GET', `${items}/delta?token=latest`);
  tenant.deltaToken = new URL(String(latest['@odata.deltaLink'])).searchParams.get('token') ?? '';
  await must(WRITE, 'PATCH', `${items}/${tenant.gadget}/fields`, { Color: 'Crimson' });
  await must(WRITE, 'DELETE', `${items}/${doomed}`);
  // A Sites.Selected grant for the site-get/update/delete-permission examples.
  const grant = await must(GRANT, 'POST', `${site}/permissions`, { roles: ['read'], grantedToIdentities: [{ application: OTHER_APP }] });
  tenant.sitePermission = String(grant.id);
  return tenant;
}

/** `text` with every documented sample id replaced by the tenant's value (longest first). */
export function mapIds(text: string, tenant: Tenant, extra: Readonly<Record<string, string>> = {}): string {
  const pairs = Object.entries({ ...DOC_IDS, ...extra }).sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [docValue, name] of pairs) {
    const value = tenant[name];
    if (value === undefined) throw new Error(`The id map names '${name}' for '${docValue}', which the tenant does not define.`);
    out = out.split(docValue).join(value);
  }
  return out;
}

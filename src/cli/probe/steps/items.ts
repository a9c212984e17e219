/**
 * Entries in the scratch list through the register store the tab uses (src/graph/register/registerStore.ts):
 * create, the duplicate-key answer and key lookup, If-Match fresh and stale, versions, app-only reads
 * and deletes. Facts: the eTag formats and the statuses SharePoint answers.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntry, type RegisterEntry } from '@domain';
import { ConflictError, openRegisterStore, pathSegment, queryString, type GraphClient } from '../graphParts';
import { etagShape } from '../facts';
import type { ProbeContext, ProbeStep } from '../step';

export function storeFor(ctx: ProbeContext, client: GraphClient = ctx.user) {
  return openRegisterStore(client, { teamId: ctx.state.teamId as string, siteId: ctx.state.siteId as string, listId: ctx.state.listId as string });
}

export function itemPath(ctx: ProbeContext, id: string): string {
  return `/sites/${pathSegment(ctx.state.siteId as string)}/lists/${pathSegment(ctx.state.listId as string)}/items/${pathSegment(id)}`;
}

export function probeEntry(ctx: ProbeContext, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  const me = ctx.state.me;
  return {
    ...emptyEntry(),
    title: 'Probe: scratch entry (safe to delete)',
    purpose: 'Written by npm run probe to check how this tenant answers.',
    owner: me ? { entraId: me.id, displayName: me.displayName, upn: me.userPrincipalName } : null,
    ...changes,
  };
}

const key = randomUUID();

export const itemCreate: ProbeStep = {
  id: 'item-create',
  title: 'Create an entry (POST items)',
  required: true,
  writes: true,
  needs: ['list-create'],
  advice: (f) => (f.status === 403 ? "Nobody can add entries: the app's grant on the practice site must be at least `write`." : 'Adding an entry fails in the tab.'),
  async run(ctx) {
    const created = await storeFor(ctx).create(probeEntry(ctx), key);
    // The raw item, for the formats of both eTags (the store keeps only the one it uses).
    const raw = (await ctx.user.api(`${itemPath(ctx, created.id)}${queryString({ expand: 'fields(select=Title)' })}`).get()) as { eTag?: string; fields?: Record<string, unknown> };
    ctx.state.item = created;
    ctx.facts.etag.item = etagShape(raw.eTag);
    ctx.facts.etag.itemExample = raw.eTag ?? null;
    ctx.facts.etag.fields = etagShape(raw.fields?.['@odata.etag']);
    ctx.facts.etag.fieldsExample = typeof raw.fields?.['@odata.etag'] === 'string' ? (raw.fields['@odata.etag'] as string) : null;
    ctx.state.fieldsETag = ctx.facts.etag.fieldsExample ?? undefined;
    return { ok: true, focus: (e) => e.method === 'POST', detail: `item ${created.id}; eTag ${raw.eTag ?? '(none)'}; fields@odata.etag ${ctx.facts.etag.fieldsExample ?? '(none)'}` };
  },
};

export const keyLookup: ProbeStep = {
  id: 'key-lookup',
  title: 'Repeat a create with the same EntryKey: unique column refuses, key lookup finds the first',
  required: true,
  writes: true,
  needs: ['item-create'],
  advice: (f) =>
    f.status === 400
      ? "The lookup on the indexed EntryKey column was refused: a retried 'add' after a timeout cannot find what its first attempt made. Check that setup created EntryKey indexed, and send us probe-facts.json."
      : "A retried 'add' after a timeout could make a duplicate entry.",
  async run(ctx) {
    const mark = ctx.recorder.mark();
    const again = await storeFor(ctx).create(probeEntry(ctx, { title: 'Probe: repeated create' }), key);
    const post = ctx.recorder.since(mark).find((e) => e.method === 'POST');
    ctx.facts.etag.duplicateKeyStatus = post?.status ?? null;
    if (again.id !== ctx.state.item?.id) {
      return { ok: false, detail: `the repeat made a second item (${again.id}): SharePoint did not enforce the unique EntryKey column (${post?.status ?? '?'})`, advice: "A retried 'add' after a timeout makes a duplicate entry; send us probe-facts.json." };
    }
    return { ok: true, focus: (e) => e.method === 'POST', detail: `repeat answered ${post?.status ?? '?'} ${post?.errorCode ?? ''}; the lookup by key found item ${again.id}` };
  },
};

export const updateFresh: ProbeStep = {
  id: 'item-update-fresh',
  title: 'Update with the current eTag (PATCH fields, If-Match)',
  required: true,
  writes: true,
  needs: ['item-create'],
  advice: () => 'Saving an edited entry fails in the tab.',
  async run(ctx) {
    const before = ctx.state.item!;
    const after = await storeFor(ctx).update(before.id, before.eTag, probeEntry(ctx, { purpose: 'Changed by the probe (fresh If-Match).' }));
    ctx.state.item = after;
    const ok = after.eTag !== before.eTag && after.entry.purpose.startsWith('Changed by the probe');
    return { ok, detail: ok ? `saved; eTag ${before.eTag} -> ${after.eTag}` : `answered, but the eTag or the value did not change (${after.eTag})` };
  },
};

export const updateStale: ProbeStep = {
  id: 'item-update-stale',
  title: 'Update with an eTag from before the last change: 412, nothing written',
  required: true,
  writes: true,
  needs: ['item-update-fresh'],
  advice: () =>
    "SharePoint did not refuse a stale If-Match: two people editing one entry would overwrite each other and the tab's conflict screen never appears. Send us probe-facts.json.",
  async run(ctx) {
    const mark = ctx.recorder.mark();
    const staleETag = ctx.facts.etag.itemExample ?? '';
    try {
      await storeFor(ctx).update(ctx.state.item!.id, staleETag, probeEntry(ctx, { purpose: 'Written with a stale eTag: must not be saved.' }));
    } catch (error) {
      const patch = ctx.recorder.since(mark).find((e) => e.method === 'PATCH');
      ctx.facts.etag.staleIfMatchStatus = patch?.status ?? null;
      if (!(error instanceof ConflictError)) throw error;
      const kept = error.current?.entry.purpose.startsWith('Changed by the probe') ?? false;
      return { ok: kept, focus: (e) => e.method === 'PATCH', detail: kept ? `refused with ${patch?.status}; the entry kept the fresh change` : `refused with ${patch?.status}, but the entry changed anyway` };
    }
    ctx.facts.etag.staleIfMatchStatus = ctx.recorder.since(mark).find((e) => e.method === 'PATCH')?.status ?? null;
    return { ok: false, focus: (e) => e.method === 'PATCH', detail: 'the stale write was accepted' };
  },
};

export const fieldsETagIfMatch: ProbeStep = {
  id: 'item-fields-etag',
  title: 'If-Match with fields@odata.etag (a fact: the tab never sends it)',
  required: false,
  writes: true,
  needs: ['item-update-fresh'],
  advice: () => 'Nothing to change: the tab sends the item eTag; this only records what SharePoint does with the other format.',
  async run(ctx) {
    const id = ctx.state.item!.id;
    const raw = (await ctx.user.api(`${itemPath(ctx, id)}${queryString({ expand: 'fields(select=Title)' })}`).get()) as { fields?: Record<string, unknown> };
    const fieldsETag = raw.fields?.['@odata.etag'];
    if (typeof fieldsETag !== 'string') return { ok: true, detail: 'the item has no fields@odata.etag' };
    let status: number;
    try {
      await ctx.user.api(`${itemPath(ctx, id)}/fields`).header('If-Match', fieldsETag).patch({ Notes: 'If-Match with fields@odata.etag' });
      status = 200;
    } catch (error) {
      status = (error as { status?: number }).status ?? 0;
      if (status !== 412 && status !== 409 && status !== 400) throw error;
    }
    ctx.facts.etag.fieldsETagIfMatchStatus = status;
    ctx.state.item = await storeFor(ctx).get(id);
    return { ok: true, focus: (e) => e.method === 'PATCH', detail: status === 200 ? `accepted (${fieldsETag})` : `refused with ${status} (${fieldsETag})` };
  },
};

export const versions: ProbeStep = {
  id: 'versions',
  title: 'Versions of the entry (GET items/{id}/versions)',
  required: false,
  writes: false,
  needs: ['item-update-fresh'],
  advice: () => "An entry's History dialog shows an error instead of who changed what; the LastReviewedOn and LastReviewedBy columns still record reviews.",
  async run(ctx) {
    const found = await storeFor(ctx).versions(ctx.state.item!.id);
    return { ok: found.length >= 2, detail: `${found.length} versions: ${found.map((v) => v.versionLabel).join(', ')}` };
  },
};

export const itemsAppOnly: ProbeStep = {
  id: 'items-app-only',
  title: 'Read the entries app-only, as the reminder service does',
  required: true,
  writes: false,
  needs: ['item-create', 'site-app-only'],
  advice: () => "The reminder service cannot read the register: the site grant must name the app (Sites.Selected, application), at least `read`; `write` is what the tab needs.",
  async run(ctx) {
    const entries = await storeFor(ctx, ctx.app).list();
    const found = entries.some((stored) => stored.id === ctx.state.item?.id);
    return { ok: found, detail: found ? `${entries.length} entries read` : `${entries.length} entries read, without the probe's entry` };
  },
};

export const itemDelete: ProbeStep = {
  id: 'item-delete',
  title: 'Delete: a stale eTag is refused, the current one deletes',
  required: true,
  writes: true,
  needs: ['item-update-fresh'],
  advice: () => 'Deleting an entry in the tab fails, or could delete an entry someone else had just changed.',
  async run(ctx) {
    const store = storeFor(ctx);
    const current = await store.get(ctx.state.item!.id);
    try {
      await store.delete(current.id, ctx.facts.etag.itemExample ?? '');
      return { ok: false, detail: 'a delete with a stale eTag was accepted' };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    await store.delete(current.id, current.eTag);
    const gone = await store.get(current.id).then(() => false, (error: { status?: number }) => error.status === 404);
    return { ok: gone, focus: (e) => e.method === 'DELETE', detail: gone ? 'stale delete refused; fresh delete done (404 after)' : 'the entry is still there after the delete' };
  },
};

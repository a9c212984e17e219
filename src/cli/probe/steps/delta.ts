/**
 * The tab's reads, through its own start-up code (src/graph/register/startup.ts):
 * - the delta enumeration without a token (every item and a deltaLink, consistently);
 * - delta with a token (only what changed since);
 * - the cold-start `$batch` with the ids known: /me, the team's members and the delta enumeration;
 * - the first-open `$batch` from the Teams context: /me, members, the site by path, the lists by title.
 * The batch answers are read back from the recorded exchange, for their statuses and their order.
 */
import { latestDeltaLink, loadKnownRegister, loadRegisterSnapshot, loadTeamSiteRegister, readRegisterDelta } from '../graphParts';
import type { Exchange } from '../recorder';
import type { ProbeContext, ProbeStep } from '../step';
import { probeEntry, storeFor } from './items';

function location(ctx: ProbeContext) {
  return { teamId: ctx.state.teamId as string, siteId: ctx.state.siteId as string, listId: ctx.state.listId as string };
}

export const deltaWithoutToken: ProbeStep = {
  id: 'delta-no-token',
  title: 'Delta without a token: every item and a deltaLink',
  required: true,
  writes: false,
  needs: ['item-create'],
  advice: () => "The tab's first load reads the register this way; without it the register cannot load.",
  async run(ctx) {
    const snapshot = await loadRegisterSnapshot(ctx.user, location(ctx));
    ctx.state.deltaLink = snapshot.deltaLink;
    ctx.facts.delta.deltaLinkHasToken = /[?&]token=/.test(snapshot.deltaLink);
    const found = snapshot.entries.some((stored) => stored.id === ctx.state.item?.id);
    return { ok: found, detail: found ? `${snapshot.entries.length} items and a deltaLink` : `${snapshot.entries.length} items, without the probe's entry` };
  },
};

export const deltaWithToken: ProbeStep = {
  id: 'delta-token',
  title: 'Delta with a token: a change made after it is returned',
  required: true,
  writes: true,
  needs: ['delta-no-token'],
  advice: (f) =>
    f.status === 410
      ? 'The token expired at once: the tab would reload the whole register on every refresh (slower, more resource units). Send us probe-facts.json.'
      : 'The tab cannot refresh the register by changes only; it reloads it whole.',
  async run(ctx) {
    const link = await latestDeltaLink(ctx.user, location(ctx));
    const store = storeFor(ctx);
    const current = await store.get(ctx.state.item!.id);
    ctx.state.item = await store.update(current.id, current.eTag, probeEntry(ctx, { purpose: 'Changed by the probe (fresh If-Match).', notes: 'Changed after the delta link.' }));
    const delta = await readRegisterDelta(ctx.user, link);
    const seen = delta.changed.find((stored) => stored.id === current.id);
    const ok = seen?.entry.notes === 'Changed after the delta link.';
    return { ok, focus: (e) => e.method === 'GET', detail: seen ? `the change came back (${delta.changed.length} changed, ${delta.deletedIds.length} deleted)` : `${delta.changed.length} changed, not the probe's entry` };
  },
};

interface BatchAnswer {
  responses?: Array<{ id?: string; status?: number }>;
}

/** The statuses of the last `$batch` sent since `mark`, and whether they came back in the order asked. */
function batchSeen(ctx: ProbeContext, mark: number, asked: readonly string[]): { statuses: string; failed: string[]; inOrder: boolean } {
  const batch = [...ctx.recorder.since(mark)].reverse().find((e: Exchange) => e.method === 'POST' && /\/\$batch/.test(e.path));
  const responses = (batch?.body as BatchAnswer | undefined)?.responses ?? [];
  const statusOf = (id: string) => responses.find((r) => r.id === id)?.status;
  const failed = asked.filter((id) => {
    const status = statusOf(id) ?? 0;
    return status < 200 || (status >= 300 && status !== 404);
  });
  const inOrder = responses.map((r) => r.id).join() === asked.join();
  return { statuses: asked.map((id) => `${id} ${statusOf(id) ?? 'missing'}`).join(', '), failed, inOrder };
}

const BATCH_ADVICE = "The tab's first load is this one $batch; a part that fails there is asked again on its own (slower), and a part that fails on its own stops the load.";

export const batchColdStart: ProbeStep = {
  id: 'batch-cold-start',
  title: "$batch with the tab's cold-start shape (/me, team members, delta without a token)",
  required: true,
  writes: false,
  needs: ['item-create'],
  advice: () => BATCH_ADVICE,
  async run(ctx) {
    const mark = ctx.recorder.mark();
    const loaded = await loadKnownRegister(ctx.user, location(ctx));
    const seen = batchSeen(ctx, mark, ['me', 'members', 'items']);
    ctx.facts.batch.answeredInOrder = seen.inOrder;
    const found = loaded.snapshot.entries.some((stored) => stored.id === ctx.state.item?.id);
    const ok = seen.failed.length === 0 && found && loaded.me.id === ctx.state.me?.id;
    return { ok, focus: (e) => /\$batch/.test(e.path), detail: `${seen.statuses}; ${loaded.snapshot.entries.length} entries; answers ${seen.inOrder ? 'in the order asked' : 'in another order'}` };
  },
};

export const batchFirstOpen: ProbeStep = {
  id: 'batch-first-open',
  title: "$batch of the tab's first open in Teams (/me, members, site by path, lists by title)",
  required: true,
  writes: false,
  needs: ['site-from-url'],
  advice: () => BATCH_ADVICE,
  async run(ctx) {
    const mark = ctx.recorder.mark();
    const loaded = await loadTeamSiteRegister(ctx.user, ctx.state.teamId as string, ctx.state.siteWebUrl as string);
    const seen = batchSeen(ctx, mark, ['me', 'members', 'site', 'list', 'settings']);
    if (ctx.facts.batch.answeredInOrder === null) ctx.facts.batch.answeredInOrder = seen.inOrder;
    const ok = seen.failed.length === 0 && loaded.site.id === ctx.state.siteId;
    const register = loaded.listId === null ? 'no register list on this site' : 'a register list exists on this site (read only, never touched)';
    return { ok, focus: (e) => /\$batch/.test(e.path), detail: `${seen.statuses}; ${register}` };
  },
};

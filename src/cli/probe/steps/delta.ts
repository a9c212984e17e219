/**
 * Delta without a token (every item and a deltaLink, consistently), delta with a token (only what
 * changed since), and the tab's cold-start `$batch`: /me, the team's members and the delta
 * enumeration without a token, in one round trip. Nothing relies on the order of batch answers.
 */
import { latestDeltaLink, pathSegment, queryString, readRegisterDelta, registerListPath, REGISTER_ITEM_EXPAND } from '../graphParts';
import type { ProbeContext, ProbeStep } from '../step';
import { probeEntry, storeFor } from './items';

function location(ctx: ProbeContext) {
  return { teamId: ctx.state.teamId as string, siteId: ctx.state.siteId as string, listId: ctx.state.listId as string };
}

/** `<list>/items/delta?expand=...` without a token: an enumeration of every item ending in a deltaLink. */
function enumerationPath(ctx: ProbeContext): string {
  return `${registerListPath(location(ctx))}/items/delta${queryString({ expand: REGISTER_ITEM_EXPAND })}`;
}

export const deltaWithoutToken: ProbeStep = {
  id: 'delta-no-token',
  title: 'Delta without a token: every item and a deltaLink',
  required: true,
  writes: false,
  needs: ['item-create'],
  advice: () => "The tab's first load reads the register this way; without it the register cannot load consistently.",
  async run(ctx) {
    const delta = await readRegisterDelta(ctx.user, enumerationPath(ctx));
    ctx.state.deltaLink = delta.deltaLink;
    ctx.facts.delta.deltaLinkHasToken = /[?&]token=/.test(delta.deltaLink);
    const found = delta.changed.some((stored) => stored.id === ctx.state.item?.id);
    return { ok: found, detail: found ? `${delta.changed.length} items and a deltaLink` : `${delta.changed.length} items, without the probe's entry` };
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
    return { ok: seen?.entry.notes === 'Changed after the delta link.', detail: seen ? `the change came back (${delta.changed.length} changed, ${delta.deletedIds.length} deleted)` : `${delta.changed.length} changed, not the probe's entry` };
  },
};

interface BatchAnswer {
  responses?: Array<{ id?: string; status?: number; body?: Record<string, unknown> }>;
}

export const batchColdStart: ProbeStep = {
  id: 'batch-cold-start',
  title: "$batch with the tab's cold-start shape (/me, team members, delta without a token)",
  required: true,
  writes: false,
  needs: ['workspace'],
  advice: () => "The tab's first load is this one $batch; without it the register does not open.",
  async run(ctx) {
    const requests = [
      { id: 'me', method: 'GET', url: '/me?$select=id,displayName,userPrincipalName' },
      { id: 'members', method: 'GET', url: `/teams/${pathSegment(ctx.state.teamId as string)}/members` },
      // --read-only has no scratch list: the batch then carries the first two only.
      ...(ctx.state.listId ? [{ id: 'delta', method: 'GET', url: enumerationPath(ctx) }] : []),
    ];
    const answer = (await ctx.user.api('/$batch').post({ requests })) as BatchAnswer;
    const responses = answer.responses ?? [];
    ctx.facts.batch.answeredInOrder = responses.map((r) => r.id).join() === requests.map((r) => r.id).join();
    const failed = requests.filter((request) => {
      const inner = responses.find((r) => r.id === request.id);
      return !inner || (inner.status ?? 0) < 200 || (inner.status ?? 0) >= 300;
    });
    const delta = responses.find((r) => r.id === 'delta')?.body;
    const deltaOk = !ctx.state.listId || (Array.isArray(delta?.value) && (typeof delta?.['@odata.deltaLink'] === 'string' || typeof delta?.['@odata.nextLink'] === 'string'));
    const statuses = requests.map((request) => `${request.id} ${responses.find((r) => r.id === request.id)?.status ?? 'missing'}`).join(', ');
    return { ok: failed.length === 0 && deltaOk, detail: `${statuses}; answers ${ctx.facts.batch.answeredInOrder ? 'in the order asked' : 'in another order'}` };
  },
};

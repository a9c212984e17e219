/** The scratch list: created with the register's own columns, one more column, and deleted at the end. */
import { randomUUID } from 'node:crypto';
import { pathSegment, REGISTER_COLUMNS, toColumnDefinition } from '../graphParts';
import type { ProbeContext, ProbeStep } from '../step';

/** The scratch list's name: never the register's, so a practice's register is never touched. */
export function scratchListName(now: Date = new Date()): string {
  // The time says when it was made; the random part keeps two runs in one second apart.
  return `DSR probe ${now.toISOString().replace(/[-:]/g, '').slice(0, 15)} ${randomUUID().slice(0, 4)}`;
}

function listsPath(ctx: ProbeContext): string {
  return `/sites/${pathSegment(ctx.state.siteId as string)}/lists`;
}

const GRANT_ADVICE =
  "First-run setup creates the register (and its settings list) with these same columns as the signed-in team owner: the app's grant on the practice site must be `fullcontrol` (or `owner`) while the practice sets up, then can go back to `write` (docs/deployment.md section 2).";

export const listCreate: ProbeStep = {
  id: 'list-create',
  title: "Create a scratch list with the register's columns (delegated)",
  required: true,
  writes: true,
  needs: ['site-from-url'],
  advice: (f) => (f.status === 403 || f.status === 401 ? GRANT_ADVICE : `Setup cannot create the register list. ${GRANT_ADVICE}`),
  async run(ctx) {
    const mark = ctx.recorder.mark();
    try {
      // The same body setup sends (src/graph/register/workspace.ts provisionRegister), under another name.
      const created = (await ctx.user.api(listsPath(ctx)).post({
        displayName: scratchListName(),
        columns: REGISTER_COLUMNS.map(toColumnDefinition),
        list: { template: 'genericList' },
      })) as { id: string; webUrl?: string };
      ctx.state.listId = created.id;
      ctx.state.listWebUrl = created.webUrl ?? '';
      return { ok: true, detail: `created ${created.webUrl ?? created.id} with ${REGISTER_COLUMNS.length} columns` };
    } finally {
      ctx.facts.grants.createListStatus = ctx.recorder.since(mark).find((e) => e.method === 'POST')?.status ?? null;
    }
  },
};

export const columnCreate: ProbeStep = {
  id: 'column-create',
  title: 'Add a column to the scratch list (delegated)',
  required: true,
  writes: true,
  needs: ['list-create'],
  advice: () => `A later version of the register that adds a column could not upgrade the list. ${GRANT_ADVICE}`,
  async run(ctx) {
    const column = toColumnDefinition({ name: 'ProbeNote', displayName: 'Probe note', kind: 'text' });
    const created = (await ctx.user.api(`${listsPath(ctx)}/${pathSegment(ctx.state.listId as string)}/columns`).post(column)) as { name?: string };
    return { ok: created.name === 'ProbeNote', detail: `column ${created.name ?? '(no name in the answer)'} added` };
  },
};

export const cleanup: ProbeStep = {
  id: 'cleanup',
  title: 'Delete the scratch list',
  required: false,
  writes: true,
  needs: ['list-create'],
  advice: () => 'The scratch list is still there: delete it by hand from the site (Site contents); the product never deletes lists.',
  async run(ctx) {
    if (ctx.config.keep) return { ok: true, skipped: true, detail: `kept for inspection (--keep): ${ctx.state.listWebUrl || ctx.state.listId}` };
    await ctx.user.api(`${listsPath(ctx)}/${pathSegment(ctx.state.listId as string)}`).delete();
    return { ok: true, detail: `deleted ${ctx.state.listWebUrl || ctx.state.listId}` };
  },
};

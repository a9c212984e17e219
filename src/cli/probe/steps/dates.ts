/**
 * Date-only columns around midnight and the BST changes. The product writes noon UTC
 * (`dateToField`) and reads any instant back as its Europe/London date (`fieldToDate`); both forms
 * are checked, and so are the midnight forms a person or another tool might write, to record how
 * SharePoint normalises them (the facts file).
 */
import { dateToField, fieldToDate, queryString } from '../graphParts';
import { summariseDates, type DateRoundTrip } from '../facts';
import type { ProbeStep } from '../step';
import { itemPath, probeEntry, storeFor } from './items';

const DATE_COLUMNS = ['DpiaDate', 'LastAccessReview', 'ContinuityLastTested', 'LastReviewedOn', 'NextReviewDue'] as const;

/**
 * BST began 30 March 2025 and ended 26 October 2025; a past leap day, a year's end, and a future leap
 * day for the one due date. Dates the product records as past ("last tested", "last reviewed") must be
 * past, and a due date at most five years ahead, or the product's own date limits refuse the write.
 */
export const PRODUCT_DATES = ['2025-03-30', '2025-10-26', '2024-02-29', '2025-12-31', '2028-02-29'] as const;

/** Midnight forms: UTC midnight in summer, London midnight in summer, UTC midnight in winter, either side of the changes. */
export const MIDNIGHT_SAMPLES: ReadonlyArray<{ date: string; wrote: string }> = [
  { date: '2026-06-30', wrote: '2026-06-30T00:00:00Z' },
  { date: '2026-06-30', wrote: '2026-06-29T23:00:00Z' },
  { date: '2026-12-31', wrote: '2026-12-31T00:00:00Z' },
  { date: '2026-03-29', wrote: '2026-03-29T00:30:00Z' },
  { date: '2026-10-25', wrote: '2026-10-24T23:30:00Z' },
];

export const dates: ProbeStep = {
  id: 'dates',
  title: 'Date-only columns round-trip as the same London date (midnight, BST, 29 February)',
  required: true,
  writes: true,
  needs: ['item-create'],
  advice: () =>
    'Dates in the register (reviews due, DPIA dates) would show a day out on this tenant. Send us probe-facts.json: it records exactly what SharePoint answered.',
  async run(ctx) {
    const store = storeFor(ctx);
    const [dpiaDate, lastAccessReview, continuityLastTested, lastReviewedOn, nextReviewDue] = PRODUCT_DATES;
    const created = await store.create(probeEntry(ctx, { title: 'Probe: dates', dpiaDate, lastAccessReview, continuityLastTested, lastReviewedOn, nextReviewDue }), `${ctx.state.listId}-dates`);
    const select = queryString({ expand: `fields(select=${DATE_COLUMNS.join(',')})` });
    const read = async () => ((await ctx.user.api(`${itemPath(ctx, created.id)}${select}`).get()) as { eTag: string; fields?: Record<string, unknown> });
    const first = await read();
    const productTrips: DateRoundTrip[] = DATE_COLUMNS.map((column, index) => {
      const date = PRODUCT_DATES[index] as string;
      const raw = first.fields?.[column];
      return { date, wrote: dateToField(date) as string, storedAs: typeof raw === 'string' ? raw : null, readBack: fieldToDate(raw) };
    });
    // The midnight forms, written raw with If-Match as the product writes: facts only, never a failure.
    let midnightTrips: DateRoundTrip[] = [];
    let midnightNote = '';
    try {
      await ctx.user.api(`${itemPath(ctx, created.id)}/fields`).header('If-Match', first.eTag).patch(Object.fromEntries(DATE_COLUMNS.map((column, index) => [column, MIDNIGHT_SAMPLES[index]!.wrote])));
      const second = await read();
      midnightTrips = DATE_COLUMNS.map((column, index) => {
        const sample = MIDNIGHT_SAMPLES[index]!;
        const raw = second.fields?.[column];
        return { ...sample, storedAs: typeof raw === 'string' ? raw : null, readBack: fieldToDate(raw) };
      });
    } catch (error) {
      midnightNote = `; midnight forms not recorded (${error instanceof Error ? error.message : String(error)})`;
    }
    ctx.facts.dates.roundTrips = [...productTrips, ...midnightTrips];
    ctx.facts.dates.normalisation = summariseDates(productTrips);
    const last = await store.get(created.id);
    await store.delete(created.id, last.eTag);
    const wrong = productTrips.filter((trip) => trip.readBack !== trip.date);
    if (wrong.length > 0) return { ok: false, detail: `read back differently: ${wrong.map((t) => `${t.date} -> ${t.storedAs} (${t.readBack})`).join('; ')}` };
    const shifted = midnightTrips.filter((trip) => trip.readBack !== trip.date).map((t) => `${t.wrote} -> ${t.storedAs}`);
    return {
      ok: true,
      focus: (e) => e.method === 'GET',
      detail: `${productTrips.length} dates round-trip (stored as ${ctx.facts.dates.normalisation}, e.g. ${productTrips[2]?.storedAs})${shifted.length ? `; midnight forms other tools might write read back a day out: ${shifted.join(', ')}` : ''}${midnightNote}`,
    };
  },
};

/**
 * The entry's structured lists (depends on, admin rights, go-live waivers) as JSON in plain
 * multi-line SharePoint columns. A lookup column or a child list would cost a request per entry and
 * nothing filters on their parts; JSON in a note keeps one item per entry.
 *
 * Reading is defensive: the column may be missing (a list made before these fields, until the
 * setup adds it), empty, hand-edited in SharePoint, or written by a newer version. Anything that is
 * not a JSON array reads as an empty list, and each element is checked on its own with zod, so one
 * bad element does not lose the others. Reading never throws.
 */
import * as z from 'zod/mini';
import {
  DEPENDENCY_KINDS,
  GO_LIVE_GATES,
  type AdminRightHolder,
  type Dependency,
  type GateWaiver,
  type Option,
} from '../entry';
import { isLocalDate } from '../localDate';

function codes<Code extends string>(list: ReadonlyArray<Option<Code>>): [Code, ...Code[]] {
  return list.map((option) => option.code) as [Code, ...Code[]];
}

/** Text that may be missing in older or hand-written JSON reads as ''. */
const text = z.catch(z.string(), '');
const localDate = z.string().check(z.refine(isLocalDate));

const personSchema = z.object({
  entraId: z.string().check(z.minLength(1)),
  displayName: text,
  upn: text,
});

export const dependencySchema = z.object({
  entryId: z.string().check(z.minLength(1)),
  title: text,
  kind: z.catch(z.enum(codes(DEPENDENCY_KINDS)), 'integration'),
  why: text,
});

export const adminRightSchema = z.object({
  person: z.catch(z.nullable(personSchema), null),
  externalName: text,
  organisation: text,
  agreementOnFile: z.catch(z.boolean(), false),
  reviewedOn: z.catch(z.nullable(localDate), null),
});

export const gateWaiverSchema = z.object({
  gate: z.enum(codes(GO_LIVE_GATES)),
  reason: text,
  by: text,
  on: localDate,
});

function readList<T>(value: unknown, schema: z.ZodMiniType<T>): T[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((element) => {
    const result = schema.safeParse(element);
    return result.success ? [result.data] : [];
  });
}

export function fieldToDependencies(value: unknown): Dependency[] {
  return readList(value, dependencySchema);
}

export function fieldToAdminRights(value: unknown): AdminRightHolder[] {
  return readList(value, adminRightSchema);
}

export function fieldToGateWaivers(value: unknown): GateWaiver[] {
  return readList(value, gateWaiverSchema);
}

/**
 * The column text for a list: '' for an empty list (so an unused column stays blank in SharePoint's
 * own views), otherwise compact JSON of exactly the declared properties, in a fixed order.
 */
export function dependenciesToField(list: readonly Dependency[]): string {
  return list.length === 0 ? '' : JSON.stringify(list.map(({ entryId, title, kind, why }) => ({ entryId, title, kind, why })));
}

export function adminRightsToField(list: readonly AdminRightHolder[]): string {
  if (list.length === 0) return '';
  return JSON.stringify(list.map(({ person, externalName, organisation, agreementOnFile, reviewedOn }) => ({
    person: person === null ? null : { entraId: person.entraId, displayName: person.displayName, upn: person.upn },
    externalName,
    organisation,
    agreementOnFile,
    reviewedOn,
  })));
}

export function gateWaiversToField(list: readonly GateWaiver[]): string {
  return list.length === 0 ? '' : JSON.stringify(list.map(({ gate, reason, by, on }) => ({ gate, reason, by, on })));
}

/** Small rewrites of Graph answers for the divergence tests. */
import type { Answer } from './rewritingProxy';

export function withFields(answer: Answer, fields: Record<string, unknown>): Answer {
  const body = answer.body as { fields?: Record<string, unknown> };
  return { ...answer, body: { ...body, fields: { ...body.fields, ...fields } } };
}

export type Inner = { id?: string; status?: number; body?: unknown };
export function mapBatchList(answer: Answer, change: (list: Inner[]) => Inner[]): Answer {
  const body = answer.body as { responses?: Inner[] };
  return { ...answer, body: { ...body, responses: change(body.responses ?? []) } };
}
export function mapBatch(answer: Answer, change: (inner: Inner) => Inner): Answer {
  return mapBatchList(answer, (list) => list.map(change));
}
export function withoutHeader(answer: Answer, name: string): Answer {
  return { ...answer, headers: Object.fromEntries(Object.entries(answer.headers).filter(([key]) => key.toLowerCase() !== name)) };
}

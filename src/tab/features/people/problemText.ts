/** One line for a failed action: our own validation messages as they are, Graph failures in plain words. */
import { ConflictError } from '@graph';
import { describeError } from '../../state/describeError';

export function problemText(error: unknown): string {
  if (error instanceof RangeError || error instanceof ConflictError) return error.message;
  return describeError(error).message;
}

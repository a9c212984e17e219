/**
 * A register row's PCN-shared mark (issue 18): "PCN-shared" for an entry read from the PCN's
 * register, with "PCN entry unavailable" when that entry could not be read (the row then shows the
 * values copied when it was linked) and "Reading the PCN entry…" while it is read.
 */
import { Badge, Text } from '@fluentui/react-components';
import { SHARED_UNAVAILABLE_TEXT } from '@domain/sharedServices';
import type { RegisterRow } from '../../../state/registerData';

export function SharedRowBadge({ row }: { row: RegisterRow }) {
  if (row.shared === undefined || row.shared === 'own') return null;
  return (
    <>
      <Badge appearance="tint" color="brand" shape="rounded" data-shared={row.shared}>PCN-shared</Badge>
      {row.shared === 'unavailable' ? <Text size={200} block>{SHARED_UNAVAILABLE_TEXT}</Text> : null}
      {row.shared === 'loading' ? <Text size={200} block>Reading the PCN entry…</Text> : null}
    </>
  );
}

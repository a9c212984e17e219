/**
 * The register's rows for a PCN-shared service (issue 18): the link to the entry the PCN keeps once
 * in its own register, and the practice's own local fields beside it. Everything else a linked
 * entry shows (owner, support, DPIA, downtime, review) is read live from the PCN's entry
 * (sharedServices/resolveShared.ts), so only these four are the practice's to write.
 *
 * The form shows this group only for a linked entry (tab: features/register/shared), and never
 * offers `sharedFrom` for editing: a link is made by "Link a PCN service".
 */
import type { RegisterEntry } from '../../entry';
import type { FieldRow } from '../fieldSchema';

/** The form group of these rows, named so the tab can show it only for a linked entry. */
export const SHARED_SERVICE_GROUP = 'PCN-shared service';

export const SHARED_ROWS: ReadonlyArray<FieldRow<RegisterEntry>> = [
  {
    key: 'sharedFrom',
    label: 'Shared from (PCN)',
    group: SHARED_SERVICE_GROUP,
    hint: 'Set by "Link a PCN service": the PCN site and the PCN register entry this row reads.',
    kind: { type: 'text' },
    column: { name: 'SharedFrom', displayName: 'Shared from (PCN)' },
    // Only its own export heading is recognised, so a re-imported export keeps the link.
    headers: { exact: ['shared from pcn', 'shared from'], likely: [] },
  },
  {
    key: 'localContact',
    label: 'Local contact',
    group: SHARED_SERVICE_GROUP,
    hint: 'Who at this practice staff ask first about this PCN service.',
    kind: { type: 'text' },
    column: { name: 'LocalContact' },
    headers: { exact: ['local contact'], likely: [] },
  },
  {
    key: 'localAccessProcess',
    label: 'Local access process',
    group: SHARED_SERVICE_GROUP,
    hint: 'How staff at this practice get access to the PCN service.',
    kind: { type: 'note' },
    column: { name: 'LocalAccessProcess' },
    headers: { exact: ['local access process', 'local access'], likely: [] },
  },
  {
    key: 'localNotes',
    label: 'Local notes',
    group: SHARED_SERVICE_GROUP,
    hint: 'Anything about the PCN service that applies only to this practice.',
    kind: { type: 'note' },
    column: { name: 'LocalNotes' },
    headers: { exact: ['local notes'], likely: [] },
  },
];

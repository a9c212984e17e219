/**
 * The register's schema: every field of a register entry, one row each, in the order an exported
 * file lists them. The entry form shows them in the guidance's groups, in `groups` order.
 *
 * To add a plain field (text, note, choice, date, months): add its property to `RegisterEntry` and
 * `emptyEntry` (entry.ts) and its row in the file of its group below. The form, validation, the
 * import's column matching and reading, the export and the SharePoint column follow from the row;
 * an existing list gains the column through "bring the lists up to date". docs/architecture.md says more.
 */
import type { RegisterEntry } from '../entry';
import type { RecordSchema } from './fieldSchema';
import { CONTINUITY_ROWS } from './register/continuityRows';
import { GOVERNANCE_ROWS } from './register/governanceRows';
import { SERVICE_ROWS } from './register/serviceRows';
import { SHARED_ROWS, SHARED_SERVICE_GROUP } from './register/sharedRows';

export { ACCESS_REVIEW_INTERVAL_MAX_MONTHS, ACCESS_REVIEW_INTERVAL_MIN_MONTHS } from './register/governanceRows';
export { SHARED_SERVICE_GROUP } from './register/sharedRows';
export { REVIEW_INTERVAL_MAX_MONTHS, REVIEW_INTERVAL_MIN_MONTHS } from './register/continuityRows';

export const REGISTER_SCHEMA: RecordSchema<RegisterEntry> = {
  rows: [...SERVICE_ROWS, ...GOVERNANCE_ROWS, ...CONTINUITY_ROWS, ...SHARED_ROWS],
  // The practice-management guidance's groups; "Training and escalation" is the go-live gate's people side.
  // The PCN-shared group is last, and the form shows it only for an entry linked to its PCN's (issue 18).
  groups: ['Purpose', 'Provision', 'Ownership', 'Support', 'Data', 'Governance', 'Access', 'Training and escalation', 'Continuity', 'Review',
    SHARED_SERVICE_GROUP],
};

/**
 * The editors other features provide for the entry form's structured lists (depends on, admin
 * rights, go-live waivers; see features/register/entryListEditors.tsx). Like views.tsx, this is the
 * one place that knows them all, so features never import each other. A list without an editor
 * here is shown read-only on the form. One line per editor.
 */
import type { EntryListEditors } from '../components/entryListSlots';
import { AdminRightsEditor } from '../features/people/AdminRightsEditor';
import { LazyGoLiveGatePanel } from '../features/change/LazyGoLiveGatePanel';

export const ENTRY_LIST_EDITORS: EntryListEditors = {
  adminRights: AdminRightsEditor,
  goLiveWaivers: LazyGoLiveGatePanel,
};

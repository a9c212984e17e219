/**
 * What signing out removes from the browser besides the sign-in itself (which the sign-in ends:
 * MSAL's logout outside Teams, the local session with the emulator): the per-user warm copies of the
 * register, the downtime pack's local print record, the remembered team and the team members seen
 * (owner status words). On a shared practice PC
 * the next person then starts from nothing of the last person's.
 */
import { clearOwnerMemory } from '../state/ownerPresence';
import { clearPracticeListsMemory } from '../state/practiceLists';
import { clearWarmCaches } from '../state/warmCache';
import { clearLocalPrintRecords } from '../features/downtime-pack/localPrintRecord';
import { TEAM_KEY } from '../features/workspace/useWorkspaceSteps';

export function clearSessionTraces(): void {
  clearWarmCaches();
  clearLocalPrintRecords();
  clearOwnerMemory();
  clearPracticeListsMemory();
  try {
    window.sessionStorage.removeItem(TEAM_KEY);
  } catch {
    // Storage blocked: nothing was remembered.
  }
}

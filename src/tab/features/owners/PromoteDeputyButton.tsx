/**
 * "Make <deputy> the owner", for a practice manager (team owner) looking at a service whose owner
 * has left. Staff, and services without a deputy, get a short sentence instead of a button.
 * Wired into every view through `OwnerLeftActionProvider` (app/).
 */
import { useState } from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ConflictError } from '@graph';
import { isTeamOwner } from '../../state/ownerPresence';
import { useRegisterData } from '../../state/registerData';
import type { OwnerLeftActionProps } from '../../components/OwnerLeftNote';
import { promoteDeputyAndSave } from './promoteDeputy';

export function PromoteDeputyButton({ stored }: OwnerLeftActionProps) {
  const { store, workspace, upsert, reload } = useRegisterData();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const deputy = stored.entry.deputy;
  if (!isTeamOwner(workspace.me.id, workspace.members)) return <Text>A manager can reassign it.</Text>;
  if (!deputy) return <Text>No deputy: open the service to choose a new owner.</Text>;

  async function promote() {
    setBusy(true);
    setProblem('');
    try {
      upsert(await promoteDeputyAndSave(store, stored));
    } catch (error) {
      setBusy(false);
      if (error instanceof ConflictError) {
        setProblem('Someone else changed this service meanwhile, so nothing was saved. The register has been reloaded: check it and try again.');
        reload();
      } else setProblem('Could not save the new owner. Check your connection and try again.');
    }
  }

  return (
    <>
      <Button size="small" onClick={() => void promote()} disabled={busy}>
        {busy ? <Spinner size="extra-tiny" label={`Making ${deputy.displayName} the owner…`} /> : `Make ${deputy.displayName} the owner`}
      </Button>
      {problem ? <Text role="alert"> {problem}</Text> : null}
    </>
  );
}

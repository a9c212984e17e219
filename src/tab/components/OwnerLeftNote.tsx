/**
 * "Owner left (deleted from the directory / account disabled / no longer in the practice team)"
 * wherever a service is listed, plus the action the app wires in (the owners feature's one-click
 * "Make <deputy> the owner"). Features never import each other, so the action comes through
 * context: `OwnerLeftActionProvider` is set once in app/, and any view can show `OwnerLeftNote`.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import { Text } from '@fluentui/react-components';
import { ownerLeftLabel, type OwnerLeftReason, type StoredEntry } from '@domain';

export interface OwnerLeftActionProps {
  readonly stored: StoredEntry;
  readonly reason: OwnerLeftReason;
}

const OwnerLeftActionContext = createContext<ComponentType<OwnerLeftActionProps> | null>(null);

export function OwnerLeftActionProvider(props: { action: ComponentType<OwnerLeftActionProps>; children: ReactNode }) {
  return <OwnerLeftActionContext.Provider value={props.action}>{props.children}</OwnerLeftActionContext.Provider>;
}

export function OwnerLeftNote({ stored, reason }: OwnerLeftActionProps) {
  const Action = useContext(OwnerLeftActionContext);
  return (
    <>
      <Text weight="semibold">{ownerLeftLabel(reason)}</Text>
      {Action ? (
        <>
          {' '}
          <Action stored={stored} reason={reason} />
        </>
      ) : null}
    </>
  );
}

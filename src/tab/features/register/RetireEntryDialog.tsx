/**
 * Confirms retiring a service: it stays in the register as the record of what it was and who owned
 * it (residual data may still need managing), marked Retired. The save itself is the entry form's,
 * so conflicts and failures are handled there. Kept mounted and closed through `open` (see EntryDialog).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useFocusReturn } from '../../components/useFocusReturn';

export interface RetireEntryDialogProps {
  readonly open: boolean;
  readonly name: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function RetireEntryDialog({ open, name, onConfirm, onCancel }: RetireEntryDialogProps) {
  // Back to the button that opened it (History, Retire, Delete) when it closes, by Escape or a button.
  useFocusReturn(open);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Retire {name}?</DialogTitle>
          <DialogContent>
            <Text block>
              {name} will be marked Retired: the practice no longer uses it. It stays in the register with its owner,
              data and support details as a record, and any changes you have made in the form are saved with it.
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              Retire {name}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import { useState, type ReactNode } from 'react';
import { Button } from 'react-admin';
import { CommandDialog } from './CommandDialog';

/**
 * A button that opens a {@link CommandDialog}: the usual shape of a command that asks for something (a day,
 * a reason, a document number). `label` names both the button and the dialog's submit.
 */
export const CommandButton = ({
  label,
  onSubmit,
  record,
  children,
}: {
  label: string;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** Initial values, e.g. today's date. */
  record?: Record<string, unknown>;
  children: ReactNode;
}) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label={label} variant="outlined" onClick={() => setOpen(true)} />
      <CommandDialog
        open={open}
        title={label}
        submitLabel={label}
        record={record}
        onClose={() => setOpen(false)}
        onSubmit={onSubmit}
      >
        {children}
      </CommandDialog>
    </>
  );
};

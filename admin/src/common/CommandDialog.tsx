import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, Form, SaveButton, useTranslate, type HttpError } from 'react-admin';

/**
 * A small form in a dialog that sends one command. Returning the server's field errors puts each
 * message under its input; the dialog closes only once the command has succeeded.
 */
export const CommandDialog = ({
  open,
  title,
  submitLabel,
  onClose,
  onSubmit,
  record,
  children,
}: {
  open: boolean;
  /** A message key, or text already in the user's language (titles the API sends in zh and en). */
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** Initial values, e.g. today's date for a command that happens "on" a day. */
  record?: Record<string, unknown>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const [sending, setSending] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      return (error as HttpError).body?.errors;
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-label={translate(title, { _: title })}>
      <Form onSubmit={submit} record={record ?? {}}>
        <DialogTitle>{translate(title, { _: title })}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          {/* Enabled from the start: the pre-filled values (today's date) are an answer the user may send as
              they are, while SaveButton alone waits for a change (isDirty). Disabled while sending. */}
          <SaveButton label={submitLabel} alwaysEnable={!sending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

import type { SxProps } from '@mui/material';
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

const BY_NAME = { field: 'name', order: 'ASC' } as const;
const searchByName = (q: string) => ({ q });

interface PickByNameProps {
  source: string;
  reference: string;
  /** Narrows the choices (e.g. organisations covering a unit). */
  filter?: Record<string, unknown>;
  /** As a list filter: always shown. */
  alwaysOn?: boolean;
  label?: string;
  helperText?: string;
  disabled?: boolean;
  validate?: Validator | Validator[];
  sx?: SxProps;
}

/**
 * Picks one record of `reference` by typing part of its name: the server's `q` filter searches, and the
 * choices come sorted by name. Every organisation, unit and member picker in the admin is one of these.
 */
export const PickByName = ({ source, reference, filter, alwaysOn, ...input }: PickByNameProps) => (
  <ReferenceInput source={source} reference={reference} filter={filter} sort={BY_NAME} alwaysOn={alwaysOn}>
    <AutocompleteInput optionText="name" filterToQuery={searchByName} {...input} />
  </ReferenceInput>
);

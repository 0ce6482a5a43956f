import DownloadIcon from '@mui/icons-material/Download';
import GridIcon from '@mui/icons-material/GridOn';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useNotify, useResourceContext, type HttpError } from 'react-admin';
import { downloadFromApi } from '../dataProvider/http';

/**
 * CSV (with a BOM) and .xlsx made by the server from the list as filtered and sorted on screen,
 * headers and values in the user's language; `GET /api/<resource>/export?format=…&lang=zh|en`,
 * downloaded with the bearer token.
 */
export const ServerExportButtons = () => {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams({
      format,
      lang: locale.startsWith('zh') ? 'zh' : 'en',
      filter: JSON.stringify(filterValues ?? {}),
      ...(sort?.field ? { sort: JSON.stringify([sort.field, sort.order]) } : {}),
    });
    setBusy(true);
    try {
      await downloadFromApi(`/${resource}/export?${query}`, `${resource}.${format}`);
    } catch (error) {
      notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const disabled = busy || total === 0;
  return (
    <>
      <Button label="export.csv" onClick={() => download('csv')} disabled={disabled}>
        <DownloadIcon />
      </Button>
      <Button label="export.xlsx" onClick={() => download('xlsx')} disabled={disabled}>
        <GridIcon />
      </Button>
    </>
  );
};

import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import {
  DateField,
  FunctionField,
  Link,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
  type HttpError,
} from 'react-admin';
import type { EvidenceDataProvider, EvidenceFile } from './dataProvider';

const DownloadButton = () => {
  const record = useRecordContext<EvidenceFile>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<EvidenceDataProvider>();
  if (!record) return null;
  return (
    <Button
      startIcon={<DownloadIcon />}
      onClick={() =>
        dataProvider
          .downloadEvidence(record.id, record.name)
          .catch((error: unknown) => notify((error as HttpError).message, { type: 'error' }))
      }
    >
      {translate('resources.evidence.archive.download')}
    </Button>
  );
};

/** One evidence file (the activity log links here): what it is, where it is filed, its download. */
export const EvidenceShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="title" emptyText="—" />
        <FunctionField
          source="orgId"
          render={(record: EvidenceFile & { orgId: string | null; orgName: string | null; year: number }) =>
            record.orgId ? (
              <Link to={`/evidence?orgId=${record.orgId}&year=${record.year}`}>
                {record.orgName ?? record.orgId} · {record.year}
              </Link>
            ) : (
              '—'
            )
          }
        />
        <TextField source="category" />
        <DateField source="on" />
        <NumberField source="size" />
        <FunctionField
          source="reason"
          render={(record: EvidenceFile) =>
            record.withdrawn ? `${translate('resources.evidence.archive.withdraw')}：${record.withdrawn.reason}` : '—'
          }
        />
        <DownloadButton />
      </SimpleShowLayout>
    </Show>
  );
};

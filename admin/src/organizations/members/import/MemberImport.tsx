import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  Button,
  CanAccess,
  Link,
  Title,
  useDataProvider,
  useGetMany,
  useNotify,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { downloadCsvWithBom } from '../../../common/csv';
import { useCommand } from '../../../dataProvider/useCommand';
import { useServerText } from '../../../i18n/i18nProvider';
import { TEMPLATE_HEADERS } from '../memberChoices';
import type { ImportPreview, ImportResult, OrganizationsDataProvider } from '../../dataProvider';

const STEPS = ['upload', 'preview', 'result'] as const;

/** Every error of the file, row and column as the spreadsheet shows them, in the reader's language. */
const ErrorTable = ({ errors }: { errors: ImportPreview['errors'] }) => {
  const translate = useTranslate();
  const text = useServerText();
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader aria-label={translate('resources.members.import.errors')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.members.import.row')}</TableCell>
            <TableCell>{translate('resources.members.import.column')}</TableCell>
            <TableCell>{translate('resources.members.import.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {errors.map((error, index) => (
            <TableRow key={index} data-import-error>
              <TableCell>{error.row}</TableCell>
              <TableCell>{error.column}</TableCell>
              <TableCell>{text(error.message)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** The first rows as checked: new ones to enrol, and those already on the roster (skipped), names looked up. */
const SampleTable = ({ sample }: { sample: ImportPreview['sample'] }) => {
  const translate = useTranslate();
  const { data: units = [] } = useGetMany('units', { ids: [...new Set(sample.map((row) => row.unitId))] });
  const { data: orgs = [] } = useGetMany('party-organizations', { ids: [...new Set(sample.map((row) => row.orgId))] });
  const nameOf = (records: { id: unknown; name?: string }[], id: string) =>
    records.find((record) => record.id === id)?.name ?? id;
  const field = (name: string) => translate(`resources.members.fields.${name}`);
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader aria-label={translate('resources.members.import.sample')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.members.import.row')}</TableCell>
            <TableCell>{translate('resources.members.import.status')}</TableCell>
            {['name', 'gender', 'birthDate', 'unitId', 'orgId', 'category', 'joinedOn', 'post', 'teaches'].map(
              (name) => (
                <TableCell key={name}>{field(name)}</TableCell>
              ),
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {sample.map((row) => (
            <TableRow key={row.row} data-import-status={row.status}>
              <TableCell>{row.row}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={row.status === 'new' ? 'success' : 'default'}
                  variant={row.status === 'new' ? 'filled' : 'outlined'}
                  label={translate(`resources.members.import.statuses.${row.status}`)}
                />
              </TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell>{translate(`choices.gender.${row.gender}`)}</TableCell>
              <TableCell>{row.birthDate ?? '—'}</TableCell>
              <TableCell>{nameOf(units, row.unitId)}</TableCell>
              <TableCell>{nameOf(orgs, row.orgId)}</TableCell>
              <TableCell>{translate(`choices.memberCategory.${row.category}`)}</TableCell>
              <TableCell>{row.joinedOn ?? '—'}</TableCell>
              <TableCell>{row.post ?? '—'}</TableCell>
              <TableCell>{translate(row.teaches ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/**
 * 导入党员名册: upload a .xlsx or .csv file, read the server's preview (every error with its row and
 * column, and each row's status: new, or already on the roster; nothing written), then confirm a file
 * without errors. Confirming enrols each new row through the ordinary EnrollMember command and skips
 * the members already on the roster.
 */
const ImportWizard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<OrganizationsDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const step = result ? 2 : preview ? 1 : 0;

  const check = useMutation<{ data: ImportPreview }, HttpError, File>({
    mutationFn: (file) => dataProvider.previewMemberImport(file),
    onSuccess: ({ data }) => setPreview(data),
    onError: (error) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  const confirm = useCommand<OrganizationsDataProvider, string, ImportResult>(
    (provider, token) => provider.confirmMemberImport(token),
    {
      success: (_token, done) => ['resources.members.import.done', { ...done }],
      onSuccess: (done) => setResult(done),
    },
  );

  const restart = () => {
    setPreview(null);
    setResult(null);
    check.reset();
    confirm.reset();
    if (input.current) input.current.value = '';
  };
  const downloadTemplate = () =>
    downloadCsvWithBom(translate('resources.members.import.template_name'), TEMPLATE_HEADERS, []);

  return (
    <Card>
      <CardContent>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {STEPS.map((name) => (
            <Step key={name}>
              <StepLabel>{translate(`resources.members.import.steps.${name}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>

        {step === 0 && (
          <Stack spacing={2}>
            <Typography variant="body2">{translate('resources.members.import.upload_help')}</Typography>
            <Stack direction="row" spacing={2}>
              <MuiButton variant="contained" component="label" startIcon={<UploadIcon />} disabled={check.isPending}>
                {translate('resources.members.import.choose_file')}
                <input
                  ref={input}
                  type="file"
                  hidden
                  name="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) check.mutate(file);
                  }}
                />
              </MuiButton>
              <MuiButton variant="outlined" startIcon={<DownloadIcon />} onClick={downloadTemplate}>
                {translate('resources.members.import.template')}
              </MuiButton>
            </Stack>
            {check.isPending && <LinearProgress />}
            {check.error && <Alert severity="error">{check.error.message}</Alert>}
          </Stack>
        )}

        {step === 1 && preview && (
          <Stack spacing={2}>
            <Typography variant="body2" data-import-summary>
              {translate('resources.members.import.summary', { file: preview.fileName, rows: preview.rows })}
            </Typography>
            {preview.valid ? (
              <>
                <Alert severity="success">
                  {translate('resources.members.import.valid', {
                    rows: preview.rows,
                    new: preview.newRows,
                    existing: preview.existingRows,
                  })}
                </Alert>
                {preview.newRows === 0 && (
                  <Alert severity="info">{translate('resources.members.import.nothing_new')}</Alert>
                )}
                <SampleTable sample={preview.sample} />
              </>
            ) : (
              <>
                <Alert severity="error">
                  {translate('resources.members.import.invalid', { count: preview.errors.length })}
                </Alert>
                <ErrorTable errors={preview.errors} />
              </>
            )}
            <Box sx={{ display: 'flex', gap: 2 }}>
              <MuiButton
                variant="contained"
                disabled={!preview.valid || preview.newRows === 0 || confirm.isPending}
                onClick={() => confirm.mutate(preview.token)}
              >
                {translate('resources.members.import.confirm')}
              </MuiButton>
              <MuiButton variant="outlined" onClick={restart} disabled={confirm.isPending}>
                {translate('resources.members.import.again')}
              </MuiButton>
            </Box>
            {confirm.isPending && <LinearProgress />}
          </Stack>
        )}

        {step === 2 && result && (
          <Stack spacing={2}>
            <Alert severity="success" data-import-result>
              {translate('resources.members.import.done', { ...result })}
            </Alert>
            <Box sx={{ display: 'flex', gap: 2 }}>
              <Button label="resources.members.import.to_list" component={Link} to="/members" variant="contained" />
              <MuiButton variant="outlined" onClick={restart}>
                {translate('resources.members.import.another')}
              </MuiButton>
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export const MemberImport = () => (
  <CanAccess resource="members" action="create">
    <Title title="resources.members.import.title" />
    <Box sx={{ mt: 2 }}>
      <ImportWizard />
    </Box>
  </CanAccess>
);

import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Loading, Title, useDataProvider, useNotify, useTranslate, type HttpError } from 'react-admin';
import { can } from '../auth/access';
import { serverText } from '../i18n/i18nProvider';
import { uploadEvidence, type Archive, type EvidenceDataProvider, type EvidenceFile } from './dataProvider';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : mb(bytes));
/** Today in Asia/Shanghai, whatever the browser's zone: business days are Shanghai days. */
const shanghaiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * The archive by organisation and year (印证资料档案): what the organisation's part in the campaign requires,
 * present or missing, every file with its download, the whole archive as a zip, and an upload with a progress
 * bar. `?orgId=&year=&subjectFeature=&subjectKind=&subjectId=` open it on an organisation and file against
 * another feature's subject (a pairing page links here for its year-end summary).
 */
export const ArchiveBrowser = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<EvidenceDataProvider>();
  const queryClient = useQueryClient();
  // The admin routes by hash (`#/evidence?orgId=…`): its query is after the hash's `?`.
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [orgId, setOrgId] = useState(params.get('orgId') ?? '');
  const [year, setYear] = useState(Number(params.get('year')) || thisYear);
  const orgs = useQuery({
    queryKey: ['evidence', 'orgs'],
    queryFn: () => dataProvider.getEvidenceOrgs().then((r) => r.data),
  });
  const categories = useQuery({
    queryKey: ['evidence', 'categories'],
    queryFn: () => dataProvider.getEvidenceCategories().then((r) => r.data),
  });
  const chosen = orgId || (orgs.data?.length === 1 ? orgs.data[0].id : '');
  const archive = useQuery({
    queryKey: ['evidence', 'archive', chosen, year],
    queryFn: () => dataProvider.getEvidenceArchive(chosen, year).then((r) => r.data),
    enabled: !!chosen,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['evidence'] });
  const [zipping, setZipping] = useState(false);
  const fail = (error: unknown) => notify((error as HttpError).message, { type: 'error' });

  const download = (file: EvidenceFile) => dataProvider.downloadEvidence(file.id, file.name).catch(fail);
  const zip = async () => {
    setZipping(true);
    await dataProvider.downloadEvidenceZip(chosen, year).catch(fail);
    setZipping(false);
  };
  const withdraw = async (file: EvidenceFile) => {
    const reason = window.prompt(translate('resources.evidence.archive.withdrawPrompt'))?.trim();
    if (!reason) return;
    await dataProvider.withdrawEvidence(file.id, reason).then(refresh, fail);
  };

  const years = Array.from({ length: 6 }, (_, n) => thisYear - n);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.evidence.archive.title" />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            select
            size="small"
            label={translate('resources.evidence.fields.orgId')}
            value={chosen}
            onChange={(event) => setOrgId(event.target.value)}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'aria-label': translate('resources.evidence.fields.orgId') } }}
          >
            {(orgs.data ?? []).map((org) => (
              <MenuItem key={org.id} value={org.id}>
                {org.name}
                {org.files ? `（${org.files}）` : ''}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('resources.evidence.fields.year')}
            value={year}
            onChange={(event) => setYear(Number(event.target.value))}
            slotProps={{ htmlInput: { 'aria-label': translate('resources.evidence.fields.year') } }}
          >
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          {chosen && can('evidence', 'export') ? (
            <Button startIcon={<DownloadIcon />} onClick={zip} disabled={zipping || !archive.data}>
              {translate(zipping ? 'resources.evidence.archive.zipping' : 'resources.evidence.archive.zip')}
            </Button>
          ) : null}
        </Stack>
        {orgs.error ? <Alert severity="error">{orgs.error.message}</Alert> : null}
        {orgs.data && !orgs.data.length ? (
          <Alert severity="info">{translate('resources.evidence.archive.empty')}</Alert>
        ) : null}
        {!chosen ? (
          <Alert severity="info">{translate('resources.evidence.archive.pickOrg')}</Alert>
        ) : archive.isPending ? (
          <Loading />
        ) : archive.error ? (
          <Alert severity="error">{archive.error.message}</Alert>
        ) : (
          <ArchiveTable archive={archive.data} onDownload={download} onWithdraw={withdraw} />
        )}
        {chosen && can('evidence', 'create') && categories.data ? (
          <UploadForm
            orgId={chosen}
            year={year}
            categories={categories.data.categories.map((c) => ({ key: c.key, label: serverText(c.label) ?? c.key }))}
            allowed={translate('resources.evidence.upload.allowed', {
              types: serverText(categories.data.allowedTypes),
              size: mb(categories.data.maxFileBytes),
            })}
            subject={{
              feature: params.get('subjectFeature') ?? 'organizations',
              kind: params.get('subjectKind') ?? 'party-org',
              id: params.get('subjectId') ?? chosen,
            }}
            onUploaded={refresh}
          />
        ) : null}
      </CardContent>
    </Card>
  );
};

const ArchiveTable = ({
  archive,
  onDownload,
  onWithdraw,
}: {
  archive: Archive;
  onDownload: (file: EvidenceFile) => void;
  onWithdraw: (file: EvidenceFile) => void;
}) => {
  const translate = useTranslate();
  const fileLine = (file: EvidenceFile, withdrawable: boolean) => (
    <Stack key={file.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" component="span">
        {file.name}
        {file.title ? ` · ${file.title}` : ''} · {file.on} · {size(file.size)}
        {file.withdrawn ? ` · ${file.withdrawn.reason}` : ''}
      </Typography>
      <Button
        size="small"
        onClick={() => onDownload(file)}
        aria-label={`${translate('resources.evidence.archive.download')} ${file.name}`}
      >
        {translate('resources.evidence.archive.download')}
      </Button>
      {withdrawable && can('evidence', 'edit') ? (
        <Button size="small" color="warning" onClick={() => onWithdraw(file)}>
          {translate('resources.evidence.archive.withdraw')}
        </Button>
      ) : null}
    </Stack>
  );
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="subtitle1">
          {archive.org.name} · {archive.year} · {translate('resources.evidence.archive.profile')}：
          {serverText(archive.profileLabel)}
        </Typography>
        <Chip
          data-testid="archive-ready"
          color={archive.ready ? 'success' : 'warning'}
          label={
            archive.ready
              ? translate('resources.evidence.archive.ready')
              : translate('resources.evidence.archive.notReady', { count: archive.missing.length })
          }
        />
      </Stack>
      <Table size="small" aria-label={translate('resources.evidence.archive.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.evidence.fields.category')}</TableCell>
            <TableCell />
            <TableCell>{translate('resources.evidence.fields.file')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {archive.entries.map((entry) => (
            <TableRow key={`${entry.category}-${entry.half ?? ''}`} data-category={entry.category}>
              <TableCell>
                {serverText(entry.label)}
                {entry.required ? '' : `（${translate('resources.evidence.archive.optional')}）`}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={entry.present ? 'success' : 'error'}
                  label={translate(
                    entry.present ? 'resources.evidence.archive.present' : 'resources.evidence.archive.missing',
                  )}
                />
              </TableCell>
              <TableCell>
                {entry.files.length
                  ? entry.files.map((file) => fileLine(file, true))
                  : translate('resources.evidence.archive.noFiles')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {archive.withdrawn.length ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2">{translate('resources.evidence.archive.withdrawn')}</Typography>
          {archive.withdrawn.map((file) => fileLine(file, false))}
        </Box>
      ) : null}
    </Box>
  );
};

const UploadForm = ({
  orgId,
  year,
  categories,
  allowed,
  subject,
  onUploaded,
}: {
  orgId: string;
  year: number;
  categories: { key: string; label: string }[];
  allowed: string;
  subject: { feature: string; kind: string; id: string };
  onUploaded: () => void;
}) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [category, setCategory] = useState(categories[0]?.key ?? '');
  const [title, setTitle] = useState('');
  const [on, setOn] = useState(shanghaiToday());
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    setDone(null);
    if (!file) return setError(translate('resources.evidence.upload.noFile'));
    const form = new FormData();
    // Fields first, then the file: the server reads them before the file's bytes arrive.
    for (const [key, value] of Object.entries({
      subjectFeature: subject.feature,
      subjectKind: subject.kind,
      subjectId: subject.id,
      orgId,
      year: String(year),
      category,
      title,
      on,
    }))
      form.append(key, value);
    form.append('file', file, file.name);
    setProgress(0);
    try {
      const filed = await uploadEvidence(form, setProgress);
      setDone(translate('resources.evidence.upload.done', { name: filed.name }));
      setFile(null);
      setTitle('');
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (failure) {
      setError((failure as HttpError).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Box component="section" sx={{ mt: 3 }} aria-label={translate('resources.evidence.upload.title')}>
      <Typography variant="subtitle1">{translate('resources.evidence.upload.title')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {allowed}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('resources.evidence.fields.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'aria-label': translate('resources.evidence.fields.category') } }}
        >
          {categories.map((c) => (
            <MenuItem key={c.key} value={c.key}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={translate('resources.evidence.fields.title')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextField
          size="small"
          type="date"
          label={translate('resources.evidence.fields.on')}
          value={on}
          onChange={(event) => setOn(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
          {file ? file.name : translate('resources.evidence.upload.choose')}
          <input
            ref={input}
            hidden
            type="file"
            name="file"
            data-testid="evidence-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Button>
        <Button variant="contained" onClick={submit} disabled={progress !== null}>
          {translate('resources.evidence.upload.submit')}
        </Button>
      </Stack>
      {progress !== null ? (
        <Box sx={{ mt: 1 }} data-testid="upload-progress">
          <LinearProgress variant="determinate" value={progress} />
          <Typography variant="caption">
            {translate('resources.evidence.upload.uploading', { percent: progress })}
          </Typography>
        </Box>
      ) : null}
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="upload-error">
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert severity="success" sx={{ mt: 1 }}>
          {done}
        </Alert>
      ) : null}
    </Box>
  );
};

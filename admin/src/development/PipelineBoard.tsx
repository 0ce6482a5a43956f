import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, Title, useDataProvider, useTranslate } from 'react-admin';
import { STAGES } from './catalogue';
import type { DevelopmentDataProvider } from './dataProvider';

/** Cases in progress per branch, counted per stage; each count opens the list filtered to it. */
export const PipelineBoard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<DevelopmentDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['development', 'pipeline'],
    queryFn: () => dataProvider.getDevelopmentPipeline().then((result) => result.data),
  });
  const listLink = (filter: Record<string, unknown>) =>
    `/development?filter=${encodeURIComponent(JSON.stringify({ status: 'open', ...filter }))}`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.development.pipeline.title" />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : !data?.length ? (
          <Alert severity="info">{translate('resources.development.pipeline.empty')}</Alert>
        ) : (
          <Table size="small" aria-label={translate('resources.development.pipeline.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.development.fields.orgName')}</TableCell>
                {STAGES.map((stage) => (
                  <TableCell key={stage} align="right">
                    {translate(`resources.development.stages.${stage}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('resources.development.pipeline.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((row) => (
                <TableRow key={row.orgId}>
                  <TableCell>{row.orgName ?? row.orgId}</TableCell>
                  {STAGES.map((stage) => {
                    const count = row.stages[String(stage) as keyof typeof row.stages] ?? 0;
                    return (
                      <TableCell key={stage} align="right">
                        {count ? <Link to={listLink({ orgId: row.orgId, stage })}>{count}</Link> : 0}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right">
                    <Link to={listLink({ orgId: row.orgId })}>{row.total}</Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

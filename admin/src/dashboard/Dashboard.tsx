import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { BarChart } from './BarChart';
import { RecentActivity } from './RecentActivity';
import { Tiles } from './Tiles';
import type { DashboardDataProvider } from './dataProvider';

/** Each role's home page, as the server tailors it: tiles, charts and (for readers of the log) recent activity. */
export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<DashboardDataProvider>();
  const { identity } = useGetIdentity();
  const { data, isPending, error } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.getDashboard().then(({ data }) => data),
  });
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="dashboard.title" />
      <Typography variant="h5" gutterBottom>
        {translate('dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      {isPending && <CircularProgress size={24} />}
      {error && <Alert severity="error">{error.message || translate('dashboard.load_error')}</Alert>}
      {data && (
        <Box sx={{ display: 'grid', gap: 2 }} data-dashboard="ready">
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
            <Tiles tiles={data.tiles} />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, alignItems: 'start', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            {data.charts.map((chart) => (
              <BarChart key={chart.key} chart={chart} />
            ))}
            {data.recent.length > 0 && <RecentActivity events={data.recent} />}
          </Box>
        </Box>
      )}
    </Box>
  );
};

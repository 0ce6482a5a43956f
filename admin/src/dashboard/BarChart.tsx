import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DashboardData } from './dataProvider';
import { useServerText } from '../i18n/i18nProvider';

type Chart = DashboardData['charts'][number];

/** Horizontal bars in plain CSS: no chart library, nothing fetched from outside the intranet. */
export const BarChart = ({ chart }: { chart: Chart }) => {
  const translate = useTranslate();
  const serverText = useServerText();
  const max = Math.max(0, ...chart.data.map((d) => d.value));
  return (
    <Card data-chart={chart.key}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {serverText(chart.label)}
        </Typography>
        {chart.data.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('dashboard.no_data')}
          </Typography>
        )}
        <Box component="dl" sx={{ m: 0 }}>
          {chart.data.map((datum, index) => (
            <Box
              key={index}
              sx={{
                display: 'grid',
                gridTemplateColumns: 'minmax(7em, 12em) 1fr 3em',
                alignItems: 'center',
                gap: 1,
                py: 0.5,
              }}
            >
              <Typography component="dt" variant="body2" noWrap title={serverText(datum.label)}>
                {serverText(datum.label)}
              </Typography>
              <Box component="dd" sx={{ m: 0, height: 14, bgcolor: 'action.hover', borderRadius: 1 }}>
                <Box
                  sx={{
                    height: '100%',
                    width: max > 0 ? `${(datum.value / max) * 100}%` : 0,
                    bgcolor: 'primary.main',
                    borderRadius: 1,
                  }}
                />
              </Box>
              <Typography variant="body2" sx={{ textAlign: 'right' }}>
                {datum.value}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};

import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { useNavigate } from 'react-admin';
import type { DashboardData } from '../dataProvider';
import { useServerText } from '../i18n/i18nProvider';

type Tile = DashboardData['tiles'][number];

const toneColor: Record<Tile['tone'], string> = {
  normal: 'primary.main',
  warning: 'warning.main',
  danger: 'error.main',
};

const TileBody = ({ tile }: { tile: Tile }) => {
  const serverText = useServerText();
  return (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {serverText(tile.label)}
      </Typography>
      <Typography variant="h4" component="p" sx={{ color: toneColor[tile.tone] ?? toneColor.normal, mt: 1 }}>
        {tile.value}
      </Typography>
    </CardContent>
  );
};

/** One card per figure; a card with a link opens the list it counts. */
export const Tiles = ({ tiles }: { tiles: Tile[] }) => {
  const navigate = useNavigate();
  return (
    <>
      {tiles.map((tile) => (
        <Card
          key={tile.key}
          data-tile={tile.key}
          sx={{ borderTop: 4, borderColor: toneColor[tile.tone] ?? toneColor.normal }}
        >
          {tile.link ? (
            <CardActionArea onClick={() => navigate(tile.link!)} sx={{ height: '100%' }}>
              <TileBody tile={tile} />
            </CardActionArea>
          ) : (
            <TileBody tile={tile} />
          )}
        </Card>
      ))}
    </>
  );
};

import { Card, CardActionArea, CardContent, Tooltip, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { DashboardData } from './dataProvider';
import { useServerText } from '../i18n/i18nProvider';

type Tile = DashboardData['tiles'][number];

const toneColor: Record<Tile['tone'], string> = {
  normal: 'primary.main',
  warning: 'warning.main',
  danger: 'error.main',
};

/** The list a tile counts, as react-admin reads its filter from the URL: `/members?filter={…}`. */
export const tileHref = (link: NonNullable<Tile['link']>): string =>
  `/${link.resource}${link.filter ? `?filter=${encodeURIComponent(JSON.stringify(link.filter))}` : ''}`;

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

/**
 * One card per figure; a card with a link is a real link (open in a new tab, keyboard, a visible
 * address) to the list it counts, filtered as counted. The rule behind a figure (B15…) is only a tooltip.
 */
export const Tiles = ({ tiles }: { tiles: Tile[] }) => {
  const translate = useTranslate();
  return (
    <>
      {tiles.map((tile) => (
        <Tooltip
          key={tile.key}
          title={tile.rule ? translate('dashboard.rule', { rule: tile.rule }) : ''}
          placement="top"
          describeChild
        >
          <Card data-tile={tile.key} sx={{ borderTop: 4, borderColor: toneColor[tile.tone] ?? toneColor.normal }}>
            {tile.link ? (
              <CardActionArea component={Link} to={tileHref(tile.link)} sx={{ height: '100%' }}>
                <TileBody tile={tile} />
              </CardActionArea>
            ) : (
              <TileBody tile={tile} />
            )}
          </Card>
        </Tooltip>
      ))}
    </>
  );
};

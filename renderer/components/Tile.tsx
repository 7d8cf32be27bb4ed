// One headline figure: label, value, what it counts, the change on a year ago and the verdict
// (or, from a handful of people, a caution instead). `links` are the counts that open the rows
// behind the figure (drawn only when the date is covered: no rows behind a figure not shown).
import type { ReactNode } from 'react';
import type { TileModel } from '../overview-model';

export function Tile({ tile: t, links }: { tile: TileModel; links?: ReactNode }) {
  const look = !t.covered ? 'tile-uncovered' : t.caution ? 'tile-caution' : `tile-${t.target.status.replace(' ', '-')}`;
  return (
    <li className={`tile ${look}`} data-tile={t.id}>
      <h3 className="tile-label">{t.label}</h3>
      <p className="tile-value" data-value>
        {t.value}
      </p>
      <p className="tile-caption">{t.caption}</p>
      {t.change ? <p className="tile-change">{t.change}</p> : null}
      {t.caution ? <p className="tile-caution-text" data-caution>{t.caution}</p> : null}
      {t.target.text ? (
        <p className={`tile-target target-${t.target.status.replace(' ', '-')}`}>
          {t.target.status === 'met' ? <span aria-hidden="true">✓ </span> : t.target.status === 'not met' ? <span aria-hidden="true">✗ </span> : null}
          {t.target.text}
        </p>
      ) : null}
      {t.covered && links ? links : null}
    </li>
  );
}

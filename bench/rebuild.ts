import { join } from 'node:path';
import type { EventStore } from '../src/core/event-store/event-store.js';
import { ProjectionRunner } from '../src/core/projections/projection-runner.js';
import { openReadModelDb } from '../src/core/projections/read-model-db.js';
import type { ReadModelDb } from '../src/core/projections/projection.js';
import { unitsProjection } from '../src/organizations/projections/units.projection.js';
import { measure, type Sample } from './util.js';

/**
 * Times ProjectionRunner.rebuild of the real units projection (INSERT OR REPLACE on registration,
 * UPDATE on rename and affiliation, two secondary indexes) over the whole log, `rounds` times in
 * one read-model file; each rebuild drops the table first, so rounds are independent.
 */
export const rebuildRates = async (
  store: EventStore,
  dir: string,
  units: number,
  rounds: number,
): Promise<Sample[]> => {
  const db = openReadModelDb(join(dir, 'read-model.db'));
  try {
    const runner = new ProjectionRunner(store, db, [unitsProjection]);
    const samples: Sample[] = [];
    for (let round = 0; round < rounds; round++) {
      samples.push(await measure(() => runner.rebuild('units')));
      check(db, units);
    }
    return samples;
  } finally {
    db.close();
  }
};

/** A rebuild that went fast because it wrote nothing would be no result: check the rows are there. */
const check = (db: ReadModelDb, units: number): void => {
  const { n, renamed } = db.prepare(`SELECT count(*) AS n, sum(name LIKE '%更名%') AS renamed FROM units`).get() as {
    n: number;
    renamed: number;
  };
  if (n !== units) throw new Error(`rebuild left ${n} unit rows, expected ${units}`);
  if (renamed === 0) throw new Error('rebuild applied no UnitRenamed event');
};

import type { EventStore } from '../core/event-store/event-store.js';
import type { Feature } from '../core/feature.js';
import { uuidFrom } from '../core/ids.js';
import type { Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { FEATURES } from '../features.js';
import { DemoCounty } from '../core/demo/county.js';
import { demoMetadataOn, demoRunner, type DemoContext } from '../core/demo/demo-part.js';
import { seededRandom } from '../core/demo/random.js';

/** What each part made (`units: 84`, `developmentCases: 21`…) and the events the whole seed appended. */
export type DemoSummary = Record<string, number> & { events: number };

const idsOf = (seed: number) => (kind: string, key: string | number) => uuidFrom(`demo:${seed}:${kind}:${key}`);

/**
 * Loads a demo county through the ordinary deciders (so every projection, score and reminder has
 * something to show): each feature's part (`demo` in its descriptor, `<feature>.demo.ts`) in the order of
 * the list of features, all drawing from one seeded random source and building on what the parts before
 * them made. The same seed gives the same county: the four pairing communities of seed 004 under their
 * real school names, 25 affiliated organisations, 108 instructors, a few hundred members with three
 * years of history in business time, development cases at every stage.
 */
export const seedDemoCounty = async (
  store: EventStore,
  clock: Clock,
  passwordHash: string,
  seed = 2019,
  features: readonly Feature[] = FEATURES,
): Promise<DemoSummary> => {
  const startHead = await store.headPosition();
  const counts: Record<string, number> = {};
  const on = demoMetadataOn(clock);
  const context: DemoContext = {
    store,
    clock,
    seed,
    random: seededRandom(seed),
    today: shanghaiDate(clock.now()),
    passwordHash,
    county: new DemoCounty(),
    id: idsOf(seed),
    on,
    run: demoRunner(store, on),
    count: (what, n) => {
      counts[what] = (counts[what] ?? 0) + n;
    },
  };
  for (const { demo } of features) await demo?.seed(context);
  return { ...counts, events: Number((await store.headPosition()) - startHead) };
};

/** Is the demo county of `seed` in the store already (any part says so)? */
export const demoCountyLoaded = async (
  store: EventStore,
  seed: number,
  features: readonly Feature[] = FEATURES,
): Promise<boolean> => {
  for (const { demo } of features) if (await demo?.isLoaded?.(store, idsOf(seed))) return true;
  return false;
};

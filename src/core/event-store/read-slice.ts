import type { ReadStreamOptions } from './event-store.js';

/** Applies direction, start revision and limit to a stream held in memory (revision = index). */
export const sliceStream = <T>(events: T[], { direction = 'forwards', from, limit }: ReadStreamOptions): T[] => {
  if (direction === 'forwards') {
    const start = Math.max(0, from ?? 0);
    return events.slice(start, limit === undefined ? undefined : start + limit);
  }
  const start = Math.min(events.length - 1, from ?? events.length - 1);
  if (start < 0) return [];
  const stop = limit === undefined ? 0 : Math.max(0, start + 1 - limit);
  return events.slice(stop, start + 1).reverse();
};

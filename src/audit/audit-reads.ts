import { Inject, Injectable } from '@nestjs/common';
import { envelope } from '../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../core/event-store/event-store.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { auditReadsStream, type AuditView, type AuditViewed } from './audit.events.js';

/** The query as the reader sent it, as text: what they looked at, kept short (no field longer than 200). */
const sentQuery = (query: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .slice(0, 20)
      .map(([key, value]) => [
        key.slice(0, 50),
        (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 200),
      ]),
  );

/** The decision, pure: a read of `view` about `unitId` becomes one AuditViewed event. */
export const recordRead = (
  view: AuditView,
  unitId: string,
  year: number | null,
  query: Record<string, unknown>,
): AuditViewed => ({ type: 'AuditViewed', data: { view, unitId, year, query: sentQuery(query) } });

/**
 * Records every read of an audit endpoint before it is answered: a read that cannot be recorded is not
 * served (the error reaches the reader). Appended with no expected revision: reads only add to their
 * month's stream and decide nothing, so two readers never conflict.
 */
@Injectable()
export class AuditReadRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(request: ActorRequest, view: AuditView, unitId: string, year: number | null = null): Promise<void> {
    const metadata = commandMetadataFrom(request, this.clock);
    const event = recordRead(view, unitId, year, request.query as Record<string, unknown>);
    await this.store.append(auditReadsStream(metadata.now), [envelope(event, metadata)], 'any');
  }
}

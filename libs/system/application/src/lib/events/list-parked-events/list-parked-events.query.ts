import { Query } from '@nestjs/cqrs';
import type { ParkedEventList } from '@tall/system/contracts';
import type { ParkedEventsFilter } from '../../ports/parked-events.port';

/** Parked events, oldest first (50 unless `limit` says otherwise), with the count per consumer. */
export class ListParkedEventsQuery extends Query<ParkedEventList> {
  constructor(readonly filter: Partial<ParkedEventsFilter> = {}) {
    super();
  }
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ParkedEventList } from '@tall/system/contracts';
import { PARKED_EVENTS, type ParkedEvents } from '../../ports/parked-events.port';
import { ListParkedEventsQuery } from './list-parked-events.query';

@QueryHandler(ListParkedEventsQuery)
export class ListParkedEventsHandler implements IQueryHandler<ListParkedEventsQuery> {
  constructor(@Inject(PARKED_EVENTS) private readonly parked: ParkedEvents) {}

  execute({ filter }: ListParkedEventsQuery): Promise<ParkedEventList> {
    return this.parked.list({ ...filter, limit: filter.limit ?? 50, offset: filter.offset ?? 0 });
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventParking, type ParkedEvent } from '@tall/platform/events';
import type { ParkedEvents, ParkedEventsFilter } from '@tall/system/application';
import type { ParkedEventDiscard, ParkedEventList, ParkedEventReplay, ParkedEventView } from '@tall/system/contracts';

/** The platform's parked events (EventParking and its store) behind the system context's port. */
@Injectable()
export class PlatformParkedEvents implements ParkedEvents {
  constructor(@Optional() @Inject(EventParking) private readonly parking: EventParking | null) {}

  async list(filter: ParkedEventsFilter): Promise<ParkedEventList> {
    if (!this.parking) return { items: [], total: 0, consumers: [] };
    const [page, consumers] = await Promise.all([this.parking.store.list(filter), this.parking.store.counts()]);
    return { items: page.items.map(view), total: page.total, consumers };
  }

  async replay(id: string): Promise<ParkedEventReplay | 'not-found' | 'not-hosted'> {
    const entry = await this.find(id);
    if (!entry || !this.parking) return 'not-found';
    if (!this.parking.isHosted(entry.consumer)) return 'not-hosted';
    return this.parking.replay(entry);
  }

  async discard(id: string): Promise<ParkedEventDiscard | 'not-found'> {
    const entry = await this.find(id);
    if (!entry || !this.parking) return 'not-found';
    return this.parking.discard(entry);
  }

  private async find(id: string): Promise<ParkedEvent | null> {
    return this.parking ? this.parking.store.get(id) : null;
  }
}

function view(entry: ParkedEvent): ParkedEventView {
  return {
    id: entry.id,
    consumer: entry.consumer,
    topic: entry.envelope.topic,
    type: entry.envelope.type,
    key: entry.envelope.key,
    eventId: entry.envelope.id,
    occurredAt: entry.envelope.occurredAt,
    parkedAt: entry.parkedAt.toISOString(),
    reason: entry.reason,
    attempts: entry.attempts,
    lastError: entry.lastError,
    payload: entry.envelope.payload,
  };
}

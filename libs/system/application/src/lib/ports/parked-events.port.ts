import type { ParkedEventDiscard, ParkedEventList, ParkedEventReplay } from '@tall/system/contracts';

export interface ParkedEventsFilter {
  consumer?: string;
  topic?: string;
  limit: number;
  offset: number;
}

/** The event backbone's parked (poison) events, as operations sees and handles them. */
export interface ParkedEvents {
  list(filter: ParkedEventsFilter): Promise<ParkedEventList>;
  /** 'not-hosted': the consumer runs in another deployment (MODULES); replay it there. */
  replay(id: string): Promise<ParkedEventReplay | 'not-found' | 'not-hosted'>;
  discard(id: string): Promise<ParkedEventDiscard | 'not-found'>;
}

export const PARKED_EVENTS = Symbol('PARKED_EVENTS');

import type { ParkedEvents } from '../../ports/parked-events.port';
import { SystemError } from '../../system-error';
import { DiscardParkedEventHandler } from '../discard-parked-event/discard-parked-event.handler';
import { DiscardParkedEventCommand } from '../discard-parked-event/discard-parked-event.command';
import { ListParkedEventsHandler } from '../list-parked-events/list-parked-events.handler';
import { ListParkedEventsQuery } from '../list-parked-events/list-parked-events.query';
import { ReplayParkedEventCommand } from './replay-parked-event.command';
import { ReplayParkedEventHandler } from './replay-parked-event.handler';

function port(answers: Partial<ParkedEvents>): ParkedEvents {
  return {
    list: jest.fn(async () => ({ items: [], total: 0, consumers: [] })),
    replay: jest.fn(async () => 'not-found' as const),
    discard: jest.fn(async () => 'not-found' as const),
    ...answers,
  };
}

describe('parked events use cases', () => {
  it('lists 50 from the start unless told otherwise', async () => {
    const parked = port({});
    await new ListParkedEventsHandler(parked).execute(new ListParkedEventsQuery({ consumer: 'progress.onReview' }));
    expect(parked.list).toHaveBeenCalledWith({ consumer: 'progress.onReview', limit: 50, offset: 0 });
  });

  it('replays, and names why it cannot', async () => {
    const ok = { applied: 2, remaining: 0, error: null };
    await expect(new ReplayParkedEventHandler(port({ replay: async () => ok })).execute(new ReplayParkedEventCommand('id'))).resolves.toEqual(ok);
    await expect(new ReplayParkedEventHandler(port({})).execute(new ReplayParkedEventCommand('id'))).rejects.toMatchObject({
      code: 'PARKED_EVENT_NOT_FOUND',
    });
    const notHosted = new ReplayParkedEventHandler(port({ replay: async () => 'not-hosted' as const })).execute(new ReplayParkedEventCommand('id'));
    await expect(notHosted).rejects.toBeInstanceOf(SystemError);
    await expect(notHosted).rejects.toMatchObject({ code: 'CONSUMER_NOT_HOSTED' });
  });

  it('discards, or answers not found', async () => {
    await expect(new DiscardParkedEventHandler(port({ discard: async () => ({ remaining: 1 }) })).execute(new DiscardParkedEventCommand('id'))).resolves.toEqual({
      remaining: 1,
    });
    await expect(new DiscardParkedEventHandler(port({})).execute(new DiscardParkedEventCommand('id'))).rejects.toMatchObject({ code: 'PARKED_EVENT_NOT_FOUND' });
  });
});

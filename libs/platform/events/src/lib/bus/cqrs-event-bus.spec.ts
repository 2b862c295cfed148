import { Injectable } from '@nestjs/common';
import { CqrsModule, EventBus, EventsHandler, UnhandledExceptionBus, type IEvent, type IEventHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';

/**
 * Why the relay does not deliver through @nestjs/cqrs's EventBus (docs/decisions/0008): the
 * relay may mark an outbox event done only after every in-process handler has finished without
 * error. These tests pin the EventBus behaviour that rules it out; if a future version awaits
 * its handlers and reports their failures to the publisher, they fail and the decision should
 * be revisited.
 */
class WordAdded implements IEvent {
  constructor(readonly wordId: string) {}
}

const applied: string[] = [];

@Injectable()
@EventsHandler(WordAdded)
class SlowFailingHandler implements IEventHandler<WordAdded> {
  async handle(event: WordAdded): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    applied.push(event.wordId);
    throw new Error(`projection of ${event.wordId} failed`);
  }
}

describe('@nestjs/cqrs EventBus as a delivery path for outbox events', () => {
  it('returns before its handlers finish and never reports their failure to the publisher', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CqrsModule.forRoot()], providers: [SlowFailingHandler] }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    const failures: unknown[] = [];
    let reported!: () => void;
    const failureReported = new Promise<void>((resolve) => (reported = resolve));
    const subscription = moduleRef.get(UnhandledExceptionBus).subscribe((info) => {
      failures.push(info.exception);
      reported();
    });
    applied.length = 0;

    // publish() gives the caller nothing to await: a relay would mark the event done here.
    const returned = moduleRef.get(EventBus).publish(new WordAdded('w1')) as unknown;
    expect(returned instanceof Promise).toBe(false);
    expect(applied).toEqual([]);

    // The handler runs later, and its error goes to a side channel, not to the publisher.
    await failureReported;
    expect(applied).toEqual(['w1']);
    expect(failures).toEqual([expect.objectContaining({ message: 'projection of w1 failed' })]);
    subscription.unsubscribe();
    await moduleRef.close();
  });
});

import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { logLevel, type Consumer, type Kafka, type Producer } from 'kafkajs';
import { uniqueName, waitFor } from '@tall/platform/testing';
import { createTopic, deleteTopics, kafkaBrokers, rawKafka } from '../../test-support/event-stack';

/**
 * The facts behind docs/decisions/0010-nestjs-microservices.md, measured on the real broker:
 * how @nestjs/microservices' Kafka transport treats an event whose handler fails. It keeps the
 * partition's order and loses nothing — the failed event is retried in place and the offset is
 * not committed — but the event after it waits for as long as the first keeps failing: a poison
 * event stalls its partition, exactly the gap the parking of poison events must close. If a
 * future version skips or parks the event by itself, this fails and the decision is revisited.
 */
const calls: string[] = [];
let topic = '';
/**
 * Set when the facts are in: the consumer's next crash (the poison fails for ever) then does not
 * restart it. Closing the app while a crash is in flight would let kafkajs schedule a restart after
 * the close, which reconnects after the test file is gone (and fails Jest's run).
 */
let done = false;

@Controller()
class ProbeController {
  @EventPattern('replaced-per-run')
  async handle(@Payload() value: { id: string }): Promise<void> {
    calls.push(value.id);
    if (value.id === 'poison') throw new Error('projection failed');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('@nestjs/microservices Kafka transport with a failing event handler', () => {
  let app: INestMicroservice | undefined;

  afterAll(async () => {
    await app?.close();
    await deleteTopics([topic]);
  });

  it('retries the failed event in place without committing it, and the next event of the partition waits', async () => {
    topic = await createTopic('nest.transport', 1);
    const groupId = uniqueName('nest-transport');
    // The pattern is read when the controller is scanned: patch it to this run's topic first.
    Reflect.defineMetadata('microservices:pattern', [topic], ProbeController.prototype.handle);
    app = await NestFactory.createMicroservice<MicroserviceOptions>(ProbeModule, {
      transport: Transport.KAFKA,
      options: {
        client: { brokers: kafkaBrokers(), logLevel: logLevel.NOTHING, retry: { initialRetryTime: 50, retries: 2 } },
        consumer: { groupId, allowAutoTopicCreation: false, retry: { initialRetryTime: 50, retries: 2, restartOnFailure: async () => !done } },
        subscribe: { fromBeginning: true },
        postfixId: '',
      },
      logger: false,
    });
    await app.listen();
    const producer = rawKafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'u1', value: JSON.stringify({ id: 'poison' }) }, { key: 'u1', value: JSON.stringify({ id: 'next' }) }] });
    await producer.disconnect();

    await waitFor(() => calls.filter((id) => id === 'poison').length >= 4, { timeoutMs: 90_000 });
    expect(calls).not.toContain('next');
    const admin = rawKafka().admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    expect(offsets.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '-1' })]);

    const [, consumer] = app.unwrap<[Kafka, Consumer, Producer]>();
    const stopped = new Promise<void>((resolve) => consumer.on(consumer.events.CRASH, ({ payload }) => !payload.restart && resolve()));
    done = true;
    await stopped;
  });
});

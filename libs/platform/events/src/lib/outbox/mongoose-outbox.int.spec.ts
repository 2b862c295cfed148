import { Schema, type Connection } from 'mongoose';
import { contextConnection } from '@tall/platform/database';
import { waitFor } from '@tall/platform/testing';
import { LocalEventBus } from '../bus/local-event-bus';
import { mongoFixture, testEvent, type MongoFixture } from '../../test-support/event-stack';
import { MongoOutboxSource } from '../relay/mongo-outbox-source';
import { OutboxRelay } from '../relay/outbox-relay';
import { documentWithOutbox, OUTBOX_FIELD, OUTBOX_PENDING_FIELD, publishedEnvelope, withOutbox } from './mongo-outbox';
import { outboxSchemaFields } from './mongoose-outbox';

jest.setTimeout(60_000);

interface Card {
  _id: string;
  reviews: number;
}

describe('the in-document outbox through mongoose models', () => {
  let mongo: MongoFixture;
  let connection: Connection;

  beforeAll(async () => {
    mongo = await mongoFixture('mongoose_outbox');
    connection = await contextConnection(mongo.client, mongo.db.databaseName);
  });

  afterAll(async () => {
    await mongo.close();
  });

  const cardSchema = (withOutboxFields: boolean) =>
    new Schema<Card>({ _id: String, reviews: Number, ...(withOutboxFields ? outboxSchemaFields() : {}) }, { versionKey: false, strict: true });

  it('keeps the events of a model write in the document, in the JSON form the relay publishes, and the relay drains them', async () => {
    const Cards = connection.model('Card', cardSchema(true), 'cards');
    const created = testEvent('cards.v1', 'card-1', { step: 'created', at: new Date('2026-12-01T10:00:00Z').toISOString() });
    const reviewed = testEvent('cards.v1', 'card-1', { step: 'reviewed' });
    await Cards.create(documentWithOutbox({ _id: 'card-1', reviews: 0 }, [created]));
    await Cards.updateOne({ _id: 'card-1' }, withOutbox({ $inc: { reviews: 1 } }, [reviewed]));

    const stored = await mongo.db.collection('cards').findOne({ _id: 'card-1' as never });
    expect(stored?.[OUTBOX_FIELD]?.map(publishedEnvelope)).toEqual([JSON.parse(JSON.stringify(created)), JSON.parse(JSON.stringify(reviewed))]);
    expect(stored?.[OUTBOX_PENDING_FIELD]).toBe(true);

    const delivered: string[] = [];
    const bus = new LocalEventBus();
    bus.subscribe({ name: 'test.cards', topics: ['cards.v1'], handle: async (envelope) => void delivered.push(envelope.id) });
    const relay = new OutboxRelay({ bus, pollIntervalMs: 20 });
    relay.register(new MongoOutboxSource(mongo.db, 'cards'));
    await relay.start();
    try {
      await waitFor(async () => (await Cards.findById('card-1').lean())?.[OUTBOX_PENDING_FIELD as never] === undefined, { what: 'the relay draining the outbox' });
      expect(delivered).toEqual([created.id, reviewed.id]);
      expect(await Cards.findById('card-1').lean()).toMatchObject({ _id: 'card-1', reviews: 1 });
    } finally {
      await relay.stop();
    }
  });

  it('creates no collection or index when a model is compiled (contextConnection turns that off)', async () => {
    const Quiet = connection.model('QuietCard', new Schema({ _id: String, term: { type: String, index: true } }, { versionKey: false }), 'quiet_cards');
    await Quiet.init();
    const names = (await mongo.db.listCollections().toArray()).map((collection) => collection.name);
    expect(names).not.toContain('quiet_cards');
  });

  it('loses the events when a strict schema lacks the outbox paths (why outboxSchemaFields exists)', async () => {
    const Bare = connection.model('BareCard', cardSchema(false), 'bare_cards');
    await Bare.create({ _id: 'card-2', reviews: 0 });
    await Bare.updateOne({ _id: 'card-2' }, withOutbox({ $inc: { reviews: 1 } }, [testEvent('cards.v1', 'card-2', {})]));
    const stored = await mongo.db.collection('bare_cards').findOne({ _id: 'card-2' as never });
    expect(stored).toEqual({ _id: 'card-2', reviews: 1 });
  });
});

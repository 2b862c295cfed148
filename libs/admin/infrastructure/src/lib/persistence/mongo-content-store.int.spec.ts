import { randomUUID } from 'node:crypto';
import { MongoClient, type Db, type Document } from 'mongodb';
import { ContentUpdated } from '@tall/admin/contracts';
import { adoptContentItem, archiveContentItem, createContentItem, editContentItem, publishContentItem, submitContentItem, type ContentListing } from '@tall/admin/domain';
import { contextConnection } from '@tall/platform/database';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { modelOn } from './admin-connection';
import { CONTENT_ITEM_MODEL, type ContentItemDocument } from './admin-models';
import { MongoContentStore } from './mongo-content-store';

const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';
const at = new Date('2026-03-10T09:00:00Z');
const TAFEL = { topicId: 'huis', lemma: 'tafel', pos: 'noun', article: 'de', plural: 'tafels', translations: { en: 'table', ru: 'стол' }, example: { nl: 'De tafel.', en: 'The table.' } };
const listing = (title: string, level: ContentListing['level'] = 'A1', topic = 'huis'): ContentListing => ({ title, level, topic, searchText: `${title} table`.toLowerCase() });

function outboxOf(document: Document | null): Array<{ type: string; payload: unknown }> {
  return ((document?.['_outbox'] ?? []) as EventEnvelope[]).map((event) => ({ type: event.type, payload: event.payload }));
}

describe('MongoContentStore on MongoDB (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoContentStore;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    db = client.db(`${uniqueName('admin_content')}_admin`);
    const connection = await contextConnection(client, db.databaseName);
    store = new MongoContentStore(modelOn<ContentItemDocument>(connection, CONTENT_ITEM_MODEL));
    await store.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('keeps an item, its history and its events through the workflow, each step conditional on the revision', async () => {
    const adopted = adoptContentItem({ kind: 'words', id: 'w-tafel', content: TAFEL, listing: listing('de tafel'), archived: false, version: 0, at });
    expect(await store.insert(adopted)).toBe(true);
    // Another instance adopting the same entry: left alone.
    expect(await store.insert(adopted)).toBe(false);
    expect(await store.find('words', 'w-tafel')).toEqual(adopted.item);
    expect(await store.find('topics', 'w-tafel')).toBeNull();

    const desk = { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk' } };
    const edited = editContentItem(adopted.item, { content: desk, listing: listing('de tafel'), revision: 1, actorId: ANNA, at });
    expect(await store.save(edited, 1, [])).toBe(true);
    // A second write from the same revision lost the race.
    expect(await store.save(editContentItem(adopted.item, { content: TAFEL, listing: listing('de tafel'), revision: 1, actorId: BORIS, at }), 1, [])).toBe(false);

    const submitted = submitContentItem(edited.item, { actorId: ANNA, at });
    expect(await store.save(submitted, 2, [])).toBe(true);
    const published = publishContentItem(submitted.item, { actorId: ANNA, at, override: { reason: 'Alone on duty' } });
    const event = createEvent(ContentUpdated, { kind: 'words', id: 'w-tafel', version: 2, change: 'published', actorId: ANNA, at: at.toISOString() }, { key: 'w-tafel', correlationId: randomUUID() });
    expect(await store.save(published, 3, [event])).toBe(true);

    expect(await store.find('words', 'w-tafel')).toEqual(published.item);
    const document = await db.collection(CONTENT_ITEM_MODEL.collection).findOne({ _id: 'words/w-tafel' as never });
    expect(outboxOf(document)).toEqual([{ type: 'content.updated', payload: event.payload }]);
    expect(document).toMatchObject({ unpublishedChanges: false, publishedVersion: 2 });

    const history = await store.history('words', 'w-tafel');
    expect(history?.map((entry) => [entry.revision, entry.action, entry.actorId])).toEqual([
      [1, 'adopted', null],
      [2, 'edited', ANNA],
      [3, 'submitted', ANNA],
      [4, 'published', ANNA],
    ]);
    expect(history?.[1].diff).toEqual([{ op: 'changed', path: 'translations.en', from: 'table', to: 'desk' }]);
    expect(history?.[3]).toMatchObject({ override: { reason: 'Alone on duty' }, publishedVersion: 2, at });
    expect(await store.history('words', 'nowhere')).toBeNull();

    // The GDPR export: the steps this admin took, found inside the histories.
    const steps = await store.stepsBy(ANNA);
    expect(steps.map((item) => [item.kind, item.id, item.title, item.entries.map((entry) => entry.action)])).toEqual([['words', 'w-tafel', 'de tafel', ['edited', 'submitted', 'published']]]);
    expect(await store.stepsBy(BORIS)).toEqual([]);
  });

  it('lists a kind by title without contents, filtered by status, text, level and topic, a page at a time', async () => {
    const words = [
      ['w-stoel', 'de stoel', 'A1', 'huis'],
      ['w-kast', 'de kast', 'A1', 'huis'],
      ['w-trein', 'de trein', 'A2', 'reizen'],
    ] as const;
    for (const [id, title, level, topic] of words) await store.insert(createContentItem({ kind: 'words', id, content: TAFEL, listing: listing(title, level, topic), actorId: ANNA, at }));
    await store.insert(createContentItem({ kind: 'topics', id: 'huis', content: { slug: 'huis' }, listing: listing('In huis', 'A1', ''), actorId: ANNA, at }));
    const archived = archiveContentItem(adoptContentItem({ kind: 'words', id: 'w-oud', content: TAFEL, listing: listing('het oud', 'A1', 'oud'), archived: false, version: 1, at }).item, { actorId: BORIS, at });
    await store.insert({ ...archived, entry: { ...archived.entry, action: 'adopted' } });

    const all = await store.list('words', { page: 1, pageSize: 100 });
    expect(all.items.map((item) => item.listing.title)).toEqual(['de kast', 'de stoel', 'de tafel', 'de trein', 'het oud']);
    expect(all.total).toBe(5);
    expect(all.items[0]).not.toHaveProperty('content');
    expect(all.items[0]).toMatchObject({ id: 'w-kast', status: 'draft', unpublishedChanges: true });

    const titles = async (filter: Parameters<MongoContentStore['list']>[1]) => (await store.list('words', filter)).items.map((item) => item.id);
    expect(await titles({ page: 1, pageSize: 2 })).toEqual(['w-kast', 'w-stoel']);
    expect(await titles({ page: 2, pageSize: 2 })).toEqual(['w-tafel', 'w-trein']);
    expect(await titles({ page: 1, pageSize: 10, status: 'archived' })).toEqual(['w-oud']);
    expect(await titles({ page: 1, pageSize: 10, level: 'A2' })).toEqual(['w-trein']);
    expect(await titles({ page: 1, pageSize: 10, topic: 'huis' })).toEqual(['w-kast', 'w-stoel', 'w-tafel']);
    // The admin's words are text, not a pattern.
    expect(await titles({ page: 1, pageSize: 10, q: 'STOEL' })).toEqual(['w-stoel']);
    expect(await titles({ page: 1, pageSize: 10, q: 'de.*' })).toEqual([]);
    expect(await store.ids('topics')).toEqual(new Set(['huis']));
  });
});

import { ADMIN_A, ADMIN_B, fakeContentApi, fietsContent, historyEntries, wordItem } from '../../testing/content-fixture';
import { createContentApi } from './content-api';
import type { ContentItem } from './content-types';
import { allowedActions, createContentItemStore, needsOverride, sameContent, valueAt } from './content-item.store';

function setup(actor = ADMIN_A, ...items: ReturnType<typeof wordItem>[]) {
  const content = fakeContentApi(items.length ? items : [wordItem()], { actor });
  const store = createContentItemStore(createContentApi('http://tall.test', content.fake.fetch));
  return { ...content, store };
}

const withEnglish = (en: string) => ({ ...fietsContent(), translations: { ...fietsContent().translations, en } }) as unknown as Record<string, unknown>;

describe('the content item store', () => {
  it('compares content whatever the order of its keys, and reads a dotted path', () => {
    expect(sameContent({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 2 })).toBe(false);
    expect(valueAt(fietsContent(), 'translations.en')).toBe('bicycle, bike');
    expect(valueAt(fietsContent(), 'verb.participle')).toBeUndefined();
  });

  it('loads an item, tracks edits against it, and says when there is none', async () => {
    const { store } = setup();
    await store.getState().load('words', 'w-fiets');
    expect(store.getState()).toMatchObject({ loading: false, dirty: false, item: { id: 'w-fiets', revision: 1 } });
    store.getState().edit(withEnglish('bicycle (bike)'));
    expect(store.getState().dirty).toBe(true);
    store.getState().edit(withEnglish('bicycle, bike'));
    expect(store.getState().dirty).toBe(false);

    await store.getState().load('words', 'nope');
    expect(store.getState()).toMatchObject({ item: null, missing: true, problem: null });
  });

  it('saves with the revision it started from, then submits, and the other admin publishes', async () => {
    const a = setup(ADMIN_A);
    await a.store.getState().load('words', 'w-fiets');
    a.store.getState().edit(withEnglish('bicycle (bike)'));
    // Moves of the workflow wait for the save.
    expect(await a.store.getState().submit()).toBeNull();
    const saved = await a.store.getState().save();
    expect(a.fake.requests.at(-1)?.body).toEqual({ content: withEnglish('bicycle (bike)'), revision: 1 });
    expect(saved).toMatchObject({ status: 'draft', revision: 2 });
    expect(a.store.getState()).toMatchObject({ dirty: false, busy: null });
    expect(await a.store.getState().submit()).toMatchObject({ status: 'in_review', submittedBy: ADMIN_A, revision: 3 });
    expect(a.fake.requests.at(-1)?.body).toEqual({ revision: 2 });
    expect(needsOverride(a.store.getState().item, ADMIN_A)).toBe(true);
    expect(needsOverride(a.store.getState().item, ADMIN_B)).toBe(false);
    expect(allowedActions(a.store.getState().item)).toEqual({ submit: false, publish: true, archive: true });
    expect(allowedActions({ ...(a.store.getState().item as ContentItem), status: 'draft', publishedVersion: 0 })).toEqual({ submit: true, publish: false, archive: false });

    // The same admin is refused without a reason, and may publish with one.
    expect(await a.store.getState().publish()).toBeNull();
    expect(a.store.getState().problem).toMatchObject({ status: 403, code: 'SECOND_ADMIN_REQUIRED' });
    expect(await a.store.getState().publish('  Urgent typo before the lesson ')).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect(a.fake.requests.at(-1)?.body).toEqual({ revision: 3, override: { reason: 'Urgent typo before the lesson' } });
    expect(allowedActions(a.store.getState().item)).toEqual({ submit: false, publish: false, archive: true });
    expect(await a.store.getState().archive()).toMatchObject({ status: 'archived' });
    expect(allowedActions(a.store.getState().item)).toEqual({ submit: false, publish: false, archive: false });
  });

  it('keeps the edits when someone else saved first, and drops them on reload', async () => {
    const { store, changeElsewhere } = setup();
    await store.getState().load('words', 'w-fiets');
    store.getState().edit(withEnglish('bicycle (bike)'));
    changeElsewhere('words', 'w-fiets');
    expect(await store.getState().save()).toBeNull();
    expect(store.getState()).toMatchObject({ conflict: true, dirty: true, problem: null, busy: null });
    await store.getState().reload();
    expect(store.getState()).toMatchObject({ conflict: false, dirty: false, item: { revision: 2 } });
    expect(valueAt(store.getState().content, 'translations.en')).toBe('bicycle, bike');
  });

  it('explains a refused move that is not a conflict', async () => {
    const { store, fake } = setup();
    await store.getState().load('words', 'w-fiets');
    fake.on('POST', '/api/v1/admin/content/words/w-fiets/submit', () =>
      new Response(JSON.stringify({ statusCode: 409, code: 'NOT_A_DRAFT', message: 'Only a draft goes to review' }), { status: 409 }),
    );
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState()).toMatchObject({ conflict: false, problem: { code: 'NOT_A_DRAFT' } });
  });

  it('keeps the API’s messages per field until the field changes', async () => {
    const { store, refuseNextSave } = setup();
    await store.getState().load('words', 'w-fiets');
    store.getState().edit(withEnglish('bicycle (bike)'));
    refuseNextSave('words', 'w-fiets', [
      { field: 'content.translations.en', message: 'too similar to another word' },
      { field: 'content.lemma', message: 'already in this topic' },
    ]);
    expect(await store.getState().save()).toBeNull();
    expect(store.getState().serverErrors).toEqual({ 'translations.en': 'too similar to another word', lemma: 'already in this topic' });
    store.getState().edit(withEnglish('bike'));
    expect(store.getState().serverErrors).toEqual({ lemma: 'already in this topic' });
  });

  it('creates a new item from a blank', async () => {
    const { store, fake } = setup();
    store.getState().startNew('words', { topicId: 'transport' });
    expect(store.getState()).toMatchObject({ item: null, dirty: false });
    store.getState().edit(withEnglish('bike'));
    expect(await store.getState().save()).toMatchObject({ id: 'new-2', status: 'draft' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/admin/content/words', body: { content: withEnglish('bike') } });
    expect(store.getState()).toMatchObject({ dirty: false, item: { id: 'new-2' } });
  });

  it('loads the history newest first, and again after a change', async () => {
    const { store, fake } = setup();
    await store.getState().load('words', 'w-fiets');
    await store.getState().loadHistory();
    expect(store.getState().history?.map((entry) => entry.revision)).toEqual(historyEntries().map((entry) => entry.revision).reverse());
    store.getState().edit(withEnglish('bike'));
    await store.getState().save();
    await vi.waitFor(() => expect(fake.calls('GET', '/api/v1/admin/content/words/w-fiets/history')).toBe(2));
  });
});

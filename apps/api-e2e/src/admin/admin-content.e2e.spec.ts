import { randomUUID } from 'node:crypto';
import { ContentTopics } from '@tall/admin/contracts';
import { waitFor } from '@tall/platform/testing';
import { IdentityApi, newEmail, type Answer, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * The content workflow, black-box against the built API (issue 15): an admin edits a seed word of
 * the dictionary and sends it to review, a second admin publishes it, and students get the new
 * version (a session already open keeps working); `content.updated` on Kafka; the history with
 * its diff; archiving; the submitter's audited override; a new word; bad input never a 500 and
 * never a change; only admins.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';

interface Word {
  id: string;
  lemma: string;
  translations: { en: string };
}
interface Item {
  id: string;
  status: string;
  revision: number;
  publishedVersion: number;
  title: string;
  content: Record<string, unknown> & { translations: Record<string, string> };
}

describe('content admin, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let adminA: SignedIn;
  let adminB: SignedIn;
  let student: SignedIn;
  let teacher: SignedIn;

  const admin = (user: SignedIn | undefined) => (method: string, path: string, body?: unknown) => api.call(method, `/admin/content${path}`, { token: user?.accessToken, body });
  const asStudent = (method: string, path: string, body?: unknown) => api.call(method, `/vocabulary${path}`, { token: student.accessToken, body });
  const topicWords = async (topicId: string) => (await asStudent('GET', `/topics/${topicId}/words`)).body as Word[];
  const ok = (answer: Answer, status = 200) => {
    expect({ status: answer.status, body: answer.status === status ? undefined : answer.body }).toEqual({ status, body: undefined });
    return answer.body;
  };
  const review = (wordId: string, answer: string) =>
    asStudent('POST', '/thematic/reviews', { reviewId: randomUUID(), wordId, mode: 'recognition', answer, answeredAt: new Date().toISOString(), durationMs: 1500 });

  beforeAll(async () => {
    stores = await isolatedStores('admin_content');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false', ADMIN_EMAIL, ADMIN_PASSWORD });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    adminA = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    adminB = await api.newUser(adminA.accessToken, 'EDU_ADMIN', 'content-b');
    student = await api.newUser(adminA.accessToken, 'STUDENT', 'content-student');
    teacher = await api.newUser(adminA.accessToken, 'TEACHER', 'content-teacher');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('publishes an edited seed word after a second admin’s review; students get it, a running session keeps working, Kafka hears it', async () => {
    const events = await probeTopic(ContentTopics.events);
    try {
      const [topic] = ok(await asStudent('GET', '/topics'));
      const session = ok(await asStudent('GET', `/topics/${topic.id}/session?mode=recognition&size=3`));
      const [card, archivedCard] = session.cards as Array<{ wordId: string }>;
      const before = (await topicWords(topic.id)).find((word) => word.id === card.wordId) as Word;

      // The seed was adopted at start: published at version 1, at its topic's level.
      const seed: Item = ok(await admin(adminA)('GET', `/words/${card.wordId}`));
      expect(seed).toMatchObject({ id: card.wordId, status: 'published', revision: 1, publishedVersion: 1, level: topic.level, topic: topic.id, unpublishedChanges: false });
      const translation = `${before.translations.en} (revised ${randomUUID().slice(0, 4)})`;
      const edited: Item = ok(await admin(adminA)('PATCH', `/words/${card.wordId}`, { content: { ...seed.content, translations: { ...seed.content.translations, en: translation } }, revision: 1 }));
      expect(edited).toMatchObject({ status: 'draft', revision: 2, publishedVersion: 1, unpublishedChanges: true });
      // A draft is not the students': they still get the published version.
      expect((await topicWords(topic.id)).find((word) => word.id === card.wordId)?.translations.en).toBe(before.translations.en);
      ok(await admin(adminA)('POST', `/words/${card.wordId}/submit`, { revision: 2 }));

      const alone = await admin(adminA)('POST', `/words/${card.wordId}/publish`, {});
      expect(alone).toMatchObject({ status: 403, body: { code: 'SECOND_ADMIN_REQUIRED' } });
      const published: Item = ok(await admin(adminB)('POST', `/words/${card.wordId}/publish`, {}));
      expect(published).toMatchObject({ status: 'published', publishedVersion: 2, unpublishedChanges: false });

      // The session opened before the publish still takes its card; a refresh shows the new translation.
      expect(ok(await review(card.wordId, translation))).toMatchObject({ duplicate: false });
      expect((await topicWords(topic.id)).find((word) => word.id === card.wordId)?.translations.en).toBe(translation);
      ok(await asStudent('GET', `/topics/${topic.id}/session?mode=recognition&size=3`));

      // Seed ids are the same in every run, and the topic is read from its beginning: this run's events are its admins'.
      const ours = (wordId: string, actor: SignedIn) => events.messages.filter((message) => message.key === wordId && (message.value.payload as { actorId?: string })?.actorId === actor.id);
      await waitFor(() => ours(card.wordId, adminB).length > 0, { timeoutMs: 20_000, what: 'content.updated on content.events.v1' });
      expect(ours(card.wordId, adminB)[0].value).toMatchObject({
        type: 'content.updated',
        payload: { kind: 'words', id: card.wordId, version: 2, change: 'published', actorId: adminB.id },
      });

      const history = ok(await admin(adminA)('GET', `/words/${card.wordId}/history`));
      expect(history.entries.map((entry: { action: string; actorId: string | null }) => [entry.action, entry.actorId])).toEqual([
        ['adopted', null],
        ['edited', adminA.id],
        ['submitted', adminA.id],
        ['published', adminB.id],
      ]);
      expect(history.entries[1].diff).toEqual([{ op: 'changed', path: 'translations.en', from: before.translations.en, to: translation }]);

      // Archived: gone from the topic's words, while the open session's card still takes its answer.
      const archiving = await admin(adminA)('GET', `/words/${archivedCard.wordId}`);
      expect(ok(await admin(adminA)('POST', `/words/${archivedCard.wordId}/archive`, { revision: archiving.body.revision }))).toMatchObject({ status: 'archived', publishedVersion: 2 });
      expect((await topicWords(topic.id)).map((word) => word.id)).not.toContain(archivedCard.wordId);
      expect((await review(archivedCard.wordId, 'whatever')).status).toBe(200);
      await waitFor(() => ours(archivedCard.wordId, adminA).length > 0, { timeoutMs: 20_000, what: 'the archive on content.events.v1' });
      expect(ours(archivedCard.wordId, adminA)[0].value).toMatchObject({ payload: { change: 'archived', version: 2 } });
    } finally {
      await events.close();
    }
  });

  it('publishes the submitter’s own change with an override, and keeps the reason in the history', async () => {
    const [, topic] = ok(await asStudent('GET', '/topics'));
    const [word] = await topicWords(topic.id);
    const item: Item = ok(await admin(adminB)('GET', `/words/${word.id}`));
    const changed = { ...item.content, example: { nl: 'Dit is een nieuw voorbeeld.', en: 'This is a new example.' } };
    const draft: Item = ok(await admin(adminB)('PATCH', `/words/${word.id}`, { content: changed, revision: item.revision }));
    ok(await admin(adminB)('POST', `/words/${word.id}/submit`, {}));
    ok(await admin(adminB)('POST', `/words/${word.id}/publish`, { revision: draft.revision + 1, override: { reason: 'Only editor on duty this week' } }));
    const history = ok(await admin(adminA)('GET', `/words/${word.id}/history`));
    expect(history.entries.at(-1)).toMatchObject({ action: 'published', actorId: adminB.id, override: { reason: 'Only editor on duty this week' } });
  });

  it('creates a new word in a topic that students get once a second admin publishes it', async () => {
    const [topic] = ok(await asStudent('GET', '/topics'));
    const content = {
      topicId: topic.id,
      lemma: 'proefkonijn',
      pos: 'noun',
      article: 'het',
      plural: 'proefkonijnen',
      translations: { en: 'guinea pig', ru: 'подопытный кролик' },
      example: { nl: 'Ik ben het proefkonijn.', en: 'I am the guinea pig.' },
    };
    const created: Item = ok(await admin(adminA)('POST', '/words', { content }), 201);
    expect(created).toMatchObject({ status: 'draft', revision: 1, publishedVersion: 0, title: 'het proefkonijn', topic: topic.id, level: topic.level });
    expect((await topicWords(topic.id)).map((word) => word.id)).not.toContain(created.id);
    ok(await admin(adminA)('POST', `/words/${created.id}/submit`, {}));
    ok(await admin(adminB)('POST', `/words/${created.id}/publish`, {}));
    expect((await topicWords(topic.id)).find((word) => word.id === created.id)).toMatchObject({ lemma: 'proefkonijn', translations: { en: 'guinea pig' } });
    const listed = ok(await admin(adminA)('GET', `/words?q=proefkonijn&topic=${topic.id}`));
    expect(listed).toMatchObject({ total: 1, items: [{ id: created.id, status: 'published', title: 'het proefkonijn' }] });
    expect(listed.items[0]).not.toHaveProperty('content');
  });

  it('refuses bad input with the error envelope, never a 500, and changes nothing', async () => {
    const [topic] = ok(await asStudent('GET', '/topics'));
    const [word] = await topicWords(topic.id);
    const item: Item = ok(await admin(adminA)('GET', `/words/${word.id}`));
    const total = async () => ok(await admin(adminA)('GET', '/words?pageSize=1')).total as number;
    const count = await total();

    const unknownField = await admin(adminA)('POST', '/words', { content: item.content, colour: 'red' });
    expect(unknownField).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'colour', code: 'unknown_field' }] } } });
    const invalid = await admin(adminA)('POST', '/words', { content: { ...item.content, translations: { en: 'x', ru: 'not cyrillic' }, colour: 'red' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('CONTENT_INVALID');
    expect(invalid.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(['content.colour', 'content.translations.ru']);
    const badEdit = await admin(adminA)('PATCH', `/words/${word.id}`, { content: { ...item.content, pos: 'verb' }, revision: item.revision });
    expect(badEdit).toMatchObject({ status: 422, body: { code: 'CONTENT_INVALID' } });
    const stale = await admin(adminA)('PATCH', `/words/${word.id}`, { content: item.content, revision: item.revision + 5 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CONTENT_CHANGED' } });
    expect(await admin(adminA)('GET', '/words/no-such-word')).toMatchObject({ status: 404, body: { code: 'CONTENT_NOT_FOUND' } });
    expect(await admin(adminA)('GET', '/poems')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await admin(adminA)('GET', '/texts')).toMatchObject({ status: 404, body: { code: 'CONTENT_KIND_NOT_AVAILABLE' } });
    expect(await admin(adminA)('POST', '/videos', { content: {} })).toMatchObject({ status: 404, body: { code: 'CONTENT_KIND_NOT_AVAILABLE' } });
    expect(await admin(adminA)('POST', `/words/${word.id}/publish`, {})).toMatchObject({ status: 409, body: { code: 'NOT_IN_REVIEW' } });
    expect(await admin(adminA)('POST', `/words/${word.id}/publish`, { override: { reason: '' } })).toMatchObject({ status: 400 });
    expect(await admin(adminA)('PATCH', `/words/${word.id}`, 'not json')).toMatchObject({ status: 400 });
    const wrongTopic = ok(await admin(adminA)('POST', '/words', { content: { ...item.content, topicId: 'no-such-topic', lemma: 'zwerfwoord' } }), 201);
    ok(await admin(adminA)('POST', `/words/${wrongTopic.id}/submit`, {}));
    expect(await admin(adminB)('POST', `/words/${wrongTopic.id}/publish`, {})).toMatchObject({ status: 422, body: { code: 'TOPIC_NOT_FOUND' } });

    expect(ok(await admin(adminA)('GET', `/words/${word.id}`))).toEqual(item);
    expect(await total()).toBe(count + 1);
    expect((await topicWords(topic.id)).find((shown) => shown.id === word.id)).toEqual(word);
  });

  it('lets only admins in', async () => {
    for (const [user, status] of [
      [undefined, 401],
      [student, 403],
      [teacher, 403],
    ] as const) {
      expect((await admin(user)('GET', '/words')).status).toBe(status);
      expect((await admin(user)('POST', '/words', { content: {} })).status).toBe(status);
      expect((await admin(user)('GET', '/topics/anything/history')).status).toBe(status);
    }
    expect(ok(await admin(adminB)('GET', '/topics?pageSize=100')).items.length).toBeGreaterThan(0);
  });
});

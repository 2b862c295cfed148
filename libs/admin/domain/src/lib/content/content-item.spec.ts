import { ANNA, BORIS, LISTING, T0, T1, TAFEL } from '../../test-support/sample-content';
import {
  adoptContentItem,
  archiveContentItem,
  createContentItem,
  editContentItem,
  hasUnpublishedChanges,
  publishContentItem,
  submitContentItem,
  type ContentItemState,
} from './content-item';
import { ContentWorkflowError } from './content-workflow-error';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentWorkflowError) return error.code;
    throw error;
  }
  throw new Error('not refused');
};

const adopted = () => adoptContentItem({ kind: 'words', id: 'w1', content: TAFEL, listing: LISTING, archived: false, version: 0, at: T0 }).item;
const desk = { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk' } };

function inReview(by = ANNA): ContentItemState {
  const edited = editContentItem(adopted(), { content: desk, listing: LISTING, revision: 1, actorId: by, at: T1 }).item;
  return submitContentItem(edited, { actorId: by, at: T1 }).item;
}

describe('the content workflow', () => {
  it('creates a draft at revision 1 that was never published, its history entry listing every field as added', () => {
    const { item, entry } = createContentItem({ kind: 'words', id: 'w1', content: TAFEL, listing: LISTING, actorId: ANNA, at: T0 });
    expect(item).toMatchObject({ status: 'draft', revision: 1, publishedVersion: 0, live: 'none', published: null, createdBy: ANNA, submittedBy: null });
    expect(hasUnpublishedChanges(item)).toBe(true);
    expect(entry).toMatchObject({ revision: 1, action: 'created', actorId: ANNA, status: 'draft', publishedVersion: 0, override: null });
    expect(entry.diff.map((change) => change.path)).toEqual(Object.keys(TAFEL));
  });

  it('adopts what the owner serves as published at its version, at least 1, by nobody', () => {
    const { item, entry } = adoptContentItem({ kind: 'words', id: 'w1', content: TAFEL, listing: LISTING, archived: false, version: 0, at: T0 });
    expect(item).toMatchObject({ status: 'published', revision: 1, publishedVersion: 1, live: 'published', createdBy: null });
    expect(hasUnpublishedChanges(item)).toBe(false);
    expect(entry).toMatchObject({ action: 'adopted', actorId: null, diff: [] });
    const archived = adoptContentItem({ kind: 'words', id: 'w2', content: TAFEL, listing: LISTING, archived: true, version: 4, at: T0 }).item;
    expect(archived).toMatchObject({ status: 'archived', publishedVersion: 4, live: 'archived' });
  });

  it('opens a draft over a published item; students keep the published version until the second admin publishes', () => {
    const { item: draft, entry } = editContentItem(adopted(), { content: desk, listing: LISTING, revision: 1, actorId: ANNA, at: T1 });
    expect(draft).toMatchObject({ status: 'draft', revision: 2, publishedVersion: 1, live: 'published', published: TAFEL, content: desk, updatedBy: ANNA });
    expect(hasUnpublishedChanges(draft)).toBe(true);
    expect(entry).toMatchObject({ action: 'edited', revision: 2, diff: [{ op: 'changed', path: 'translations.en', from: 'table', to: 'desk' }] });

    const submitted = submitContentItem(draft, { revision: 2, actorId: ANNA, at: T1 });
    expect(submitted.item).toMatchObject({ status: 'in_review', revision: 3, submittedBy: ANNA });
    expect(submitted.entry).toMatchObject({ action: 'submitted', diff: [] });

    const published = publishContentItem(submitted.item, { actorId: BORIS, at: T1 });
    expect(published.item).toMatchObject({ status: 'published', revision: 4, publishedVersion: 2, published: desk, submittedBy: null });
    expect(hasUnpublishedChanges(published.item)).toBe(false);
    expect(published.entry).toMatchObject({ action: 'published', actorId: BORIS, publishedVersion: 2, override: null });
  });

  it('refuses the submitter’s own publish unless they give an override, which the history keeps', () => {
    expect(refusal(() => publishContentItem(inReview(ANNA), { actorId: ANNA, at: T1 }))).toBe('SECOND_ADMIN_REQUIRED');
    const { entry } = publishContentItem(inReview(ANNA), { actorId: ANNA, at: T1, override: { reason: 'Typo fix, nobody else here' } });
    expect(entry).toMatchObject({ action: 'published', actorId: ANNA, override: { reason: 'Typo fix, nobody else here' } });
    // Another admin needs no override: none is recorded.
    expect(publishContentItem(inReview(ANNA), { actorId: BORIS, at: T1, override: { reason: 'not needed' } }).entry.override).toBeNull();
  });

  it('refuses an edit or a step from a revision someone else has moved past', () => {
    const item = inReview();
    expect(refusal(() => editContentItem(item, { content: TAFEL, listing: LISTING, revision: 2, actorId: BORIS, at: T1 }))).toBe('CONTENT_CHANGED');
    expect(refusal(() => publishContentItem(item, { revision: 1, actorId: BORIS, at: T1 }))).toBe('CONTENT_CHANGED');
    expect(() => publishContentItem(item, { revision: item.revision, actorId: BORIS, at: T1 })).not.toThrow();
  });

  it('refuses steps that do not fit the status', () => {
    const draft = createContentItem({ kind: 'words', id: 'w1', content: TAFEL, listing: LISTING, actorId: ANNA, at: T0 }).item;
    expect(refusal(() => publishContentItem(draft, { actorId: BORIS, at: T1 }))).toBe('NOT_IN_REVIEW');
    expect(refusal(() => archiveContentItem(draft, { actorId: BORIS, at: T1 }))).toBe('NOT_PUBLISHED');
    expect(refusal(() => submitContentItem(inReview(), { actorId: BORIS, at: T1 }))).toBe('NOT_A_DRAFT');
    expect(refusal(() => submitContentItem(adopted(), { actorId: BORIS, at: T1 }))).toBe('NOT_A_DRAFT');
  });

  it('archives what students get as a new version, from published or from a draft or review over it', () => {
    const archived = archiveContentItem(adopted(), { actorId: BORIS, at: T1 });
    expect(archived.item).toMatchObject({ status: 'archived', live: 'archived', publishedVersion: 2, revision: 2 });
    expect(archived.entry).toMatchObject({ action: 'archived', publishedVersion: 2 });
    expect(refusal(() => archiveContentItem(archived.item, { actorId: BORIS, at: T1 }))).toBe('ALREADY_ARCHIVED');

    const fromReview = archiveContentItem(inReview(), { actorId: BORIS, at: T1 }).item;
    expect(fromReview).toMatchObject({ status: 'archived', content: desk, published: TAFEL, submittedBy: null });
    expect(hasUnpublishedChanges(fromReview)).toBe(true);

    // Editing an archived item opens a draft; archiving that draft is refused (nothing is live), publishing brings it back.
    const reopened = editContentItem(archived.item, { content: desk, listing: LISTING, revision: 2, actorId: ANNA, at: T1 }).item;
    expect(refusal(() => archiveContentItem(reopened, { actorId: BORIS, at: T1 }))).toBe('NOT_PUBLISHED');
    const back = publishContentItem(submitContentItem(reopened, { actorId: ANNA, at: T1 }).item, { actorId: BORIS, at: T1 }).item;
    expect(back).toMatchObject({ status: 'published', live: 'published', publishedVersion: 3 });
  });
});

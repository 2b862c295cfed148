import { TestBed } from '@angular/core/testing';
import { ADMIN_A, ADMIN_B, fietsContent, summaryOf, topicItem, wordItem } from '@tall/client/admin/data-access/testing';
import { ContentListPage } from './content-list.page';
import { allByTestId, byTestId, renderContent, settle, text } from './content-view.testing';

const ITEMS = [
  wordItem({ updatedBy: ADMIN_A, updatedAt: '2026-12-07T10:00:00.000Z' }),
  wordItem({ id: 'w-auto', title: 'de auto', status: 'in_review', submittedBy: ADMIN_B, updatedBy: ADMIN_B, publishedVersion: 1, unpublishedChanges: true }, fietsContent({ lemma: 'auto' })),
  wordItem({ id: 'w-new', title: 'de tram', status: 'draft', publishedVersion: 0, level: 'A2' }),
  topicItem(),
  topicItem({ id: 'family', title: 'Familie', level: 'A1' }),
];

describe('ContentListPage', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('lists the words with their status, level, topic, published version and last change', async () => {
    const { element } = await renderContent(ContentListPage, '/admin/content', ITEMS);
    const rows = allByTestId(element(), 'content-row');
    expect(rows.map((row) => row.dataset['contentId'])).toEqual(['w-fiets', 'w-auto', 'w-new']);
    const cells = [...rows[1].querySelectorAll('td')].map(text);
    expect(cells.slice(1, 5)).toEqual(['In review', 'A2', 'Vervoer', '1']);
    expect(text(rows[1].querySelector('.title'))).toBe('de auto');
    expect(text(rows[1].querySelector('.unpublished'))).toBe('unpublished changes');
    expect(text(rows[1].querySelector('.by'))).toBe('Admin b0b0e1c2');
    expect(text(rows[0].querySelector('.by'))).toBe('You');
    expect(text(rows[2].querySelectorAll('td')[4])).toBe('—');
    expect(byTestId(element(), 'content-open')?.getAttribute('href')).toBe('/admin/content/words/w-fiets');
    expect(text(byTestId(element(), 'content-count'))).toBe('3 found');
    expect(text(byTestId(element(), 'content-new'))).toContain('New word');
  });

  it('opens the review queue from the address, and the topics with their own columns', async () => {
    const { element, harness, content, fixture } = await renderContent(ContentListPage, '/admin/content?view=review', ITEMS);
    expect(queriesUrl(content)).toBe('/api/v1/admin/content/words?status=in_review&page=1&pageSize=25');
    expect(allByTestId(element(), 'content-row').map((row) => row.dataset['contentId'])).toEqual(['w-auto']);
    expect(text(byTestId(element(), 'content-count'))).toBe('1 waiting for review');

    await harness.navigateByUrl('/admin/content?kind=topics');
    await settle(fixture);
    expect(allByTestId(element(), 'content-row').map((row) => row.dataset['contentId'])).toEqual(['transport', 'family']);
    expect([...element().querySelectorAll('th')].map(text)).toEqual(['Title', 'Status', 'Level', 'Published version', 'Last change']);
    expect(text(byTestId(element(), 'content-new'))).toContain('New topic');
    expect(queriesUrl(content)).toBe('/api/v1/admin/content/topics?page=1&pageSize=25');
  });

  it('searches, filters and clears the filters, and says when nothing matches', async () => {
    const { element, content, fixture } = await renderContent(ContentListPage, '/admin/content', ITEMS);
    const search = byTestId<HTMLInputElement>(element(), 'content-search') as HTMLInputElement;
    search.value = 'auto';
    search.closest('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(queriesUrl(content)).toContain('q=auto');
    expect(allByTestId(element(), 'content-row').map((row) => row.dataset['contentId'])).toEqual(['w-auto']);

    fixture.debugElement.query((node) => node.componentInstance instanceof ContentListPage).componentInstance['filter']({ level: 'B1' });
    await settle(fixture);
    expect(text(element())).toContain('Nothing found');
    byTestId(element(), 'content-clear-filters')?.click();
    await settle(fixture);
    expect(queriesUrl(content)).toBe('/api/v1/admin/content/words?page=1&pageSize=25');
    expect(allByTestId(element(), 'content-row')).toHaveLength(3);
  });

  it('shows cards instead of the table on a phone', async () => {
    const { element } = await renderContent(ContentListPage, '/admin/content', ITEMS, { narrow: true });
    expect(element().querySelector('table')).toBeNull();
    const cards = allByTestId(element(), 'content-row');
    expect(cards).toHaveLength(3);
    expect(text(cards[1])).toContain('In review');
    expect(summaryOf(ITEMS[0])).not.toHaveProperty('content');
  });
});

/** The path and query of the latest list of words or topics asked for. */
function queriesUrl(content: Awaited<ReturnType<typeof renderContent>>['content']): string {
  return content.lists.at(-1) ?? '';
}

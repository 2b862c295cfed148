import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TextList, TextSummary } from '@tall/reader/contracts';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import type { StoredText } from '../../ports/text-stores.port';
import { ReadableTexts } from '../../reading/readable-texts';
import { TextViews } from '../../reading/text-views';
import { ListTextsQuery } from './list-texts.query';

const DEFAULT_PAGE_SIZE = 20;
const LEVEL_ORDER = ['A1', 'A2', 'B1', 'B2', 'C1'];

/**
 * Own texts first (newest first), then the library by level and title. "% known" is computed per
 * student from the cached atomizations and one read of the student's word states, so the filter on
 * it applies before paging.
 */
@QueryHandler(ListTextsQuery)
export class ListTextsHandler implements IQueryHandler<ListTextsQuery> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
  ) {}

  async execute({ userId, filter }: ListTextsQuery): Promise<TextList> {
    const q = filter.q?.toLocaleLowerCase('nl');
    const candidates = (await this.texts.all(userId))
      .filter((text) => !filter.source || text.source === filter.source)
      .filter((text) => !filter.level || text.level === filter.level)
      .filter((text) => !filter.topic || text.topic === filter.topic)
      .filter((text) => !q || text.title.toLocaleLowerCase('nl').includes(q))
      .sort(byShelf);
    const [states, progress] = await Promise.all([this.reading.statesOf(userId), this.reading.progressOf(userId)]);
    const summaries: TextSummary[] = [];
    for (const text of candidates) summaries.push(await this.views.summary(text, userId, states, progress.get(text.id)));
    const matching = filter.minKnown === undefined ? summaries : summaries.filter((summary) => summary.knownPercent >= (filter.minKnown ?? 0));
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
    return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
  }
}

function byShelf(a: StoredText, b: StoredText): number {
  const ownA = a.ownerId !== null;
  const ownB = b.ownerId !== null;
  if (ownA !== ownB) return ownA ? -1 : 1;
  if (ownA) return b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id);
  const level = LEVEL_ORDER.indexOf(a.level ?? '') - LEVEL_ORDER.indexOf(b.level ?? '');
  return level || a.title.localeCompare(b.title, 'nl') || a.id.localeCompare(b.id);
}

import type { ContentListing } from '../lib/content/content-item';

export const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
export const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';
export const T0 = new Date('2026-03-10T09:00:00Z');
export const T1 = new Date('2026-03-10T10:00:00Z');

export const TAFEL = {
  topicId: 'huis',
  lemma: 'tafel',
  pos: 'noun',
  article: 'de',
  plural: 'tafels',
  translations: { en: 'table', ru: 'стол' },
  example: { nl: 'De tafel is rond.', en: 'The table is round.' },
};

export const LISTING: ContentListing = { title: 'de tafel', level: 'A1', topic: 'huis', searchText: 'de tafel table стол' };

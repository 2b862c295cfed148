import { inject, Injectable, signal } from '@angular/core';
import { call, type TopicSummary } from '@tall/client/api';
import { UiLanguage } from '../core/i18n';
import { TALL_API } from '../core/tall-client';

/**
 * The names of the videos' topics: they are the dictionary's topics (slugs). Asked once per visit
 * to the area; until the answer comes, or for a topic the dictionary does not have, the slug reads
 * as words.
 */
@Injectable()
export class TopicNames {
  private readonly language = inject(UiLanguage);
  private readonly topics = signal<TopicSummary[]>([]);

  constructor() {
    void call(inject(TALL_API).GET('/api/v1/vocabulary/topics', { params: { query: {} } }))
      .then((topics) => this.topics.set(topics))
      .catch(() => undefined);
  }

  name(slug: string): string {
    const topic = this.topics().find((candidate) => candidate.slug === slug);
    if (topic) return this.language.current() === 'nl' ? topic.title.nl : topic.title.en;
    const words = slug.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
}

import type { ContentLevel, TopicContent } from './content-types';
import { checkText, cleanText, type FieldProblems } from './field-problems';

/** A topic as the editor's form holds it. */
export interface TopicForm {
  slug: string;
  title: { nl: string; en: string };
  level: ContentLevel;
  order: number | null;
}

export function emptyTopicForm(): TopicForm {
  return { slug: '', title: { nl: '', en: '' }, level: 'A1', order: null };
}

export function topicFormOf(content: Record<string, unknown>): TopicForm {
  const title = (typeof content['title'] === 'object' && content['title'] !== null ? content['title'] : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    slug: text(content['slug']),
    title: { nl: text(title['nl']), en: text(title['en']) },
    level: (text(content['level']) || 'A1') as ContentLevel,
    order: typeof content['order'] === 'number' && Number.isFinite(content['order']) ? content['order'] : null,
  };
}

export function topicContentOf(form: TopicForm): TopicContent {
  return {
    slug: form.slug.trim(),
    title: { nl: cleanText(form.title.nl), en: cleanText(form.title.en) },
    level: form.level,
    order: form.order ?? Number.NaN,
  };
}

/** What is wrong with a topic, by field path, by vocabulary's rules for dictionary topics. */
export function topicProblems(topic: TopicContent): FieldProblems {
  const problems: FieldProblems = {};
  if (!topic.slug) problems['slug'] = { key: 'required' };
  else if (topic.slug.length > 40) problems['slug'] = { key: 'tooLong', params: { max: 40 } };
  else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic.slug)) problems['slug'] = { key: 'slug' };
  for (const language of ['nl', 'en'] as const) {
    const problem = checkText(topic.title[language]);
    if (problem) problems[`title.${language}`] = problem;
  }
  if (!Number.isInteger(topic.order) || topic.order < 1 || topic.order > 99) problems['order'] = { key: 'order' };
  return problems;
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gradeAttempt, publicQuestions, SEED_TEXT_LEVELS, SEED_TEXT_WORDS, seedTextFileName, seedTextWords, type GivenAnswer, type SeedText } from '@tall/reader/domain';
import { readSeedTexts } from './seed-texts';

// Checks the seed library beyond its schema, the way the dictionary seed is checked: what a student
// or a teacher would be misled by (a question whose answer is not an option, a text far too long
// for its level, a topic the dictionary does not have, two questions alike).

/** The dictionary's topics (the vocabulary seed): a text's topic must be one, and use its words. */
const DICTIONARY_TOPICS_DIR = join(__dirname, '../../../../../vocabulary/infrastructure/src/assets/seed/topics');
const LEVEL_ORDER = ['A1', 'A2', 'B1', 'B2'];
/** Latin letters, digits, punctuation, spaces and line breaks: nothing pasted from elsewhere. */
const ALLOWED_CHARACTERS = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\n€+]*$/u;

interface DictionaryTopic {
  slug: string;
  level: string;
  lemmas: string[];
}

function dictionaryTopics(): Map<string, DictionaryTopic> {
  return new Map(
    readdirSync(DICTIONARY_TOPICS_DIR).map((name) => {
      const topic = JSON.parse(readFileSync(join(DICTIONARY_TOPICS_DIR, name), 'utf8')) as { slug: string; level: string; words: Array<{ lemma: string }> };
      return [topic.slug, { slug: topic.slug, level: topic.level, lemmas: topic.words.map((word) => word.lemma.toLowerCase()) }];
    }),
  );
}

const paragraphsOf = (body: string) => body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);

function textProblems(text: SeedText, topics: Map<string, DictionaryTopic>): string[] {
  const problems: string[] = [];
  const words = seedTextWords(text.body);
  const range = SEED_TEXT_WORDS[text.level];
  if (words.length < range.min || words.length > range.max) problems.push(`${words.length} words; a ${text.level} text has ${range.min}–${range.max}`);
  const paragraphs = paragraphsOf(text.body);
  if (paragraphs.length < 2) problems.push('fewer than two paragraphs');
  for (const paragraph of paragraphs) {
    if (!/[.!?…]["”’)]?$/.test(paragraph)) problems.push(`a paragraph does not end a sentence: "…${paragraph.slice(-30)}"`);
    if (/\n/.test(paragraph)) problems.push(`a paragraph is broken over lines: "${paragraph.slice(0, 30)}…"`);
  }
  if (!ALLOWED_CHARACTERS.test(text.body + text.title)) problems.push('characters outside Latin letters, digits and punctuation');
  const topic = topics.get(text.topic);
  if (!topic) return [...problems, `topic "${text.topic}" is not a dictionary topic`];
  if (LEVEL_ORDER.indexOf(topic.level) > LEVEL_ORDER.indexOf(text.level)) problems.push(`a ${text.level} text on the ${topic.level} topic "${topic.slug}"`);
  const vocabulary = new Set(words.map((word) => word.toLowerCase()));
  const used = topic.lemmas.filter((lemma) => lemma.split(/\s+/).every((part) => vocabulary.has(part)));
  if (used.length < 3) problems.push(`uses ${used.length} of its topic's words as they stand in the dictionary (at least 3)`);
  return problems;
}

function testProblems(text: SeedText): string[] {
  if (!text.test) return [];
  const problems: string[] = [];
  const { questions } = text.test;
  questions.forEach((question, index) => {
    if (question.id !== `q${index + 1}`) problems.push(`question ${index + 1} has id ${question.id}; ids run q1, q2, …`);
    if (question.type === 'multipleChoice') {
      if (question.answer >= question.options.length) problems.push(`${question.id}: the answer is not one of the options`);
      if (new Set(question.options.map((option) => option.toLowerCase())).size !== question.options.length) problems.push(`${question.id}: two options alike`);
    }
    if (question.type === 'order' && new Set(question.items).size !== question.items.length) problems.push(`${question.id}: two items alike`);
    if (question.type === 'shortAnswer' && new Set(question.answers.map((answer) => answer.toLowerCase())).size !== question.answers.length) {
      problems.push(`${question.id}: two accepted answers alike`);
    }
  });
  if (new Set(questions.map((question) => question.type)).size < 2) problems.push('a test of one question type only');
  const prompts = questions.map((question) => ('prompt' in question ? question.prompt : question.statement).toLowerCase());
  if (new Set(prompts).size !== prompts.length) problems.push('two questions alike');
  return problems;
}

describe('the seed library (reader)', () => {
  const seed = readSeedTexts();
  const topics = dictionaryTopics();

  it('has at least 30 texts, at least 10 per level from A1 to B1, and at least 10 with a test', () => {
    expect(seed.length).toBeGreaterThanOrEqual(30);
    const perLevel = Object.fromEntries(SEED_TEXT_LEVELS.map((level) => [level, seed.filter(({ text }) => text.level === level).length >= 10]));
    expect(perLevel).toEqual({ A1: true, A2: true, B1: true });
    expect(seed.filter(({ text }) => text.test).length).toBeGreaterThanOrEqual(10);
  });

  it('names each file after its place and slug, with unique slugs and titles', () => {
    expect(seed.map(({ file }) => file)).toEqual(seed.map(({ text }, index) => seedTextFileName(index + 1, text.slug)));
    expect(new Set(seed.map(({ text }) => text.slug)).size).toBe(seed.length);
    expect(new Set(seed.map(({ text }) => text.title.toLowerCase())).size).toBe(seed.length);
  });

  it('fits every text to its level and topic', () => {
    const problems = seed.flatMap(({ file, text }) => textProblems(text, topics).map((problem) => `${file}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('grades every test full marks for its own answers, and shows it without them', () => {
    for (const { file, text } of seed.filter(({ text: candidate }) => candidate.test)) {
      const questions = text.test?.questions ?? [];
      const key = questions.map((question): { questionId: string; answer: GivenAnswer } => ({
        questionId: question.id,
        answer: question.type === 'shortAnswer' ? question.answers[0] : question.type === 'order' ? question.items : question.answer,
      }));
      expect({ file, score: gradeAttempt(questions, key).score }).toEqual({ file, score: questions.length });
      expect({ file, shown: JSON.stringify(publicQuestions(questions, file)).includes('"answer') }).toEqual({ file, shown: false });
    }
  });

  it('gives every test answerable, distinct questions', () => {
    const problems = seed.flatMap(({ file, text }) => testProblems(text).map((problem) => `${file}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

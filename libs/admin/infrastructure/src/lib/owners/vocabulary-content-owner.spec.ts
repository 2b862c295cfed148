import type { RpcClient } from '@tall/platform/rpc';
import { VocabularyContentOwner } from './vocabulary-content-owner';

const TAFEL = {
  topicId: 'huis',
  lemma: 'tafel',
  pos: 'noun',
  article: 'de',
  plural: 'tafels',
  translations: { en: 'table', ru: 'стол' },
  example: { nl: 'De tafel is rond.', en: 'The table is round.' },
};

describe('VocabularyContentOwner', () => {
  const calls: Array<{ name: string; input: unknown }> = [];
  const rpc = {
    call: async (contract: { name: string }, input: unknown) => {
      calls.push({ name: contract.name, input });
      return contract.name === 'vocabulary.listDictionaryContent'
        ? { entries: [{ kind: 'words', id: 'w1', content: TAFEL, archived: false, version: 0 }, { kind: 'topics', id: 'huis', content: {}, archived: false, version: 0 }] }
        : { applied: true, problem: null };
    },
  } as unknown as RpcClient;
  const owner = new VocabularyContentOwner(rpc);

  it('judges a word by vocabulary’s own rules and lists a noun with its article, at its topic’s level', () => {
    expect(owner.check('words', TAFEL)).toEqual({
      valid: true,
      content: TAFEL,
      listing: { title: 'de tafel', level: { of: { kind: 'topics', id: 'huis' } }, topic: 'huis', searchText: 'de tafel table стол' },
    });
    expect(owner.check('topics', { slug: 'in-huis', title: { nl: 'In huis', en: 'At home' }, level: 'A2', order: 3 })).toMatchObject({
      valid: true,
      listing: { title: 'In huis', level: 'A2', topic: null },
    });
  });

  it('names every field that breaks the rules, unknown ones too', () => {
    const checked = owner.check('words', { ...TAFEL, translations: { en: 'table', ru: 'stol' }, colour: 'red' });
    expect(checked.valid).toBe(false);
    if (checked.valid) return;
    expect(checked.fields.map((field) => field.field).sort()).toEqual(['colour', 'translations.ru']);
    const noun = owner.check('words', { ...TAFEL, article: undefined });
    expect(noun.valid ? [] : noun.fields.map((field) => field.field)).toEqual(['article']);
  });

  it('publishes and archives through vocabulary’s calls, and lists topics before words', async () => {
    expect(await owner.publish('words', 'w1', 2, TAFEL)).toBeNull();
    expect(await owner.archive('words', 'w1', 3)).toBeNull();
    expect((await owner.entries()).map((entry) => entry.kind)).toEqual(['topics', 'words']);
    expect(calls.map((call) => [call.name, call.input])).toEqual([
      ['vocabulary.publishDictionaryEntry', { kind: 'words', id: 'w1', version: 2, content: TAFEL }],
      ['vocabulary.archiveDictionaryEntry', { kind: 'words', id: 'w1', version: 3 }],
      ['vocabulary.listDictionaryContent', {}],
    ]);
  });
});

import type { ContentOwner, OwnedEntry, OwnerCheck, OwnerProblem } from '@tall/admin/application';
import type { ContentKind } from '@tall/admin/contracts';
import type { Content } from '@tall/admin/domain';
import { fieldErrors } from '@tall/platform/http';
import type { RpcClient } from '@tall/platform/rpc';
import {
  ArchiveDictionaryEntry,
  DictionaryTopicContentSchema,
  DictionaryWordContentSchema,
  ListDictionaryContent,
  PublishDictionaryEntry,
  type DictionaryTopicContent,
  type DictionaryWordContent,
} from '@tall/vocabulary/contracts';

const CALLER = 'admin';
const KINDS = ['topics', 'words'] as const satisfies readonly ContentKind[];
type DictionaryKind = (typeof KINDS)[number];

function dictionaryKind(kind: ContentKind): DictionaryKind {
  if (kind !== 'topics' && kind !== 'words') throw new Error(`vocabulary does not own ${kind}`);
  return kind;
}

/**
 * The dictionary's topics and words, owned by vocabulary and written through its remote calls
 * (in-process or to the process hosting it). A content is judged by vocabulary's own shapes,
 * exactly the seed's rules. Publishing and archiving carry the admin of the request; the list
 * (adoption, at start) is the system's own doing. Vocabulary hears `admin` as the caller.
 */
export class VocabularyContentOwner implements ContentOwner {
  readonly kinds = KINDS;

  constructor(private readonly rpc: RpcClient) {}

  check(kind: ContentKind, content: unknown): OwnerCheck {
    if (dictionaryKind(kind) === 'topics') {
      const topic = DictionaryTopicContentSchema.safeParse(content);
      if (!topic.success) return { valid: false, fields: fieldErrors(topic.error) };
      return { valid: true, content: topic.data, listing: topicListing(topic.data) };
    }
    const word = DictionaryWordContentSchema.safeParse(content);
    if (!word.success) return { valid: false, fields: fieldErrors(word.error) };
    return { valid: true, content: word.data, listing: wordListing(word.data) };
  }

  async publish(kind: ContentKind, id: string, version: number, content: Content): Promise<OwnerProblem | null> {
    const input =
      dictionaryKind(kind) === 'topics'
        ? { kind: 'topics' as const, id, version, content: content as DictionaryTopicContent }
        : { kind: 'words' as const, id, version, content: content as DictionaryWordContent };
    const answer = await this.rpc.call(PublishDictionaryEntry, input, { caller: CALLER });
    return answer.problem;
  }

  async archive(kind: ContentKind, id: string, version: number): Promise<OwnerProblem | null> {
    const answer = await this.rpc.call(ArchiveDictionaryEntry, { kind: dictionaryKind(kind), id, version }, { caller: CALLER });
    return answer.problem;
  }

  async entries(): Promise<OwnedEntry[]> {
    const { entries } = await this.rpc.call(ListDictionaryContent, {}, { principal: null, caller: CALLER });
    // Topics first: a word's level is its topic's.
    return [...entries].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'topics' ? -1 : 1));
  }
}

function topicListing(topic: DictionaryTopicContent) {
  return { title: topic.title.nl, level: topic.level, topic: null, searchText: [topic.title.nl, topic.title.en, topic.slug].join(' ').toLowerCase() };
}

function wordListing(word: DictionaryWordContent) {
  const title = word.pos === 'noun' && word.article ? `${word.article} ${word.lemma}` : word.lemma;
  return {
    title,
    level: { of: { kind: 'topics' as const, id: word.topicId } },
    topic: word.topicId,
    searchText: [title, ...Object.values(word.translations)].join(' ').toLowerCase(),
  };
}

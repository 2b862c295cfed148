import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoBulkWriteError } from 'mongodb';
import type { Model } from 'mongoose';
import { SeedTopicSchema, seedTopicFileName, seedTopicId, seedWordId, type SeedTopic } from '@tall/vocabulary/domain';
import type { SeedLoadDocument } from '../persistence/dictionary-seed-load.schema';
import type { TopicDocument } from '../persistence/dictionary-topic.schema';
import type { WordDocument } from '../persistence/dictionary-word.schema';
import { DUPLICATE_KEY, isDuplicateKey, writeErrorsOf } from '../persistence/write-errors';

/**
 * The shipped seed dictionary. Libraries keep run-time files in `src/assets/`, which the build
 * copies beside the compiled code, so the same relative path works from the TypeScript sources
 * (tests, development) and from the built app in `dist/`.
 */
export const SEED_TOPICS_DIRECTORY = join(__dirname, '../../assets/seed/topics');

const TOPIC_FILE = /^\d{2}-[a-z0-9-]+\.json$/;

export interface SeedContent {
  topics: SeedTopic[];
  /** Hash of every topic file (name and bytes): the seed's version. */
  hash: string;
}

interface Counts {
  inserted: number;
  updated: number;
  /** Edited by an admin since: left as they are. */
  keptEdited: number;
  unchanged: number;
}

export interface SeedLoadReport {
  outcome: 'loaded' | 'already-loaded';
  hash: string;
  topics: Counts;
  words: Counts;
  /** Seed words of earlier loads that this seed no longer has: kept (cards point at them); an admin may remove them. */
  notInSeed: number;
}

/** The dictionary's models the loader writes: topics, words, and the record of loads. */
export interface SeedModels {
  topics: Model<TopicDocument>;
  words: Model<WordDocument>;
  loads: Model<SeedLoadDocument>;
}

/** A topic or a word, as the merge reads and writes it. */
type EntryModel = Model<{ _id: string; seedHash?: string; editedAt?: Date }>;

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Reads and validates every topic file of a seed directory. */
export async function readSeed(directory: string): Promise<SeedContent> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) throw new SeedError(`The seed directory ${directory} has no topic files`);
  const hash = createHash('sha256');
  const topics: SeedTopic[] = [];
  const slugs = new Set<string>();
  for (const name of names) {
    if (!TOPIC_FILE.test(name)) throw new SeedError(`Seed file ${name} is not named NN-slug.json`);
    const text = await readFile(join(directory, name), 'utf8');
    hash.update(name).update('\u0000').update(text).update('\u0000');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new SeedError(`Seed file ${name} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = SeedTopicSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new SeedError(`Seed file ${name} is invalid: ${problems.join('; ')}`);
    }
    if (seedTopicFileName(parsed.data) !== name) throw new SeedError(`Seed file ${name} should be named ${seedTopicFileName(parsed.data)}`);
    if (slugs.has(parsed.data.slug)) throw new SeedError(`Seed topic ${parsed.data.slug} is in two files`);
    slugs.add(parsed.data.slug);
    topics.push(parsed.data);
  }
  return { topics, hash: hash.digest('hex') };
}

type TopicContent = Omit<TopicDocument, '_id' | 'seedHash' | 'editedAt' | 'createdAt' | 'updatedAt'>;
type WordContent = Omit<WordDocument, '_id' | 'seedHash' | 'editedAt' | 'createdAt' | 'updatedAt'>;

function topicContent(topic: SeedTopic): TopicContent {
  return { slug: topic.slug, title: { nl: topic.title.nl, en: topic.title.en }, level: topic.level, order: topic.order };
}

function wordContents(topic: SeedTopic): Array<{ id: string; content: WordContent }> {
  const topicId = seedTopicId(topic.slug);
  return topic.words.map((word, index) => ({
    id: seedWordId(topic.slug, word.lemma, word.pos),
    content: {
      topicId,
      order: index + 1,
      lemma: word.lemma,
      pos: word.pos,
      article: word.article ?? null,
      plural: word.plural ?? null,
      pluralOnly: word.pluralOnly ?? false,
      verb: word.verb
        ? {
            irregular: word.verb.irregular,
            presentThirdSingular: word.verb.presentThirdSingular,
            pastSingular: word.verb.pastSingular,
            pastPlural: word.verb.pastPlural,
            participle: word.verb.participle,
            auxiliary: word.verb.auxiliary,
            separablePrefix: word.verb.separablePrefix,
          }
        : null,
      translations: { ...word.translations },
      example: { nl: word.example.nl, en: word.example.en },
    },
  }));
}

const contentHash = (content: unknown) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/**
 * Loads the seed dictionary into the vocabulary database, at start and idempotently:
 *
 * - a seed whose hash was loaded before (this one, or an older build's after a roll-back) is not
 *   loaded again; the first start, and a build shipping new seed content, load it;
 * - a topic or word missing from the database is inserted; one that the seed wrote before and no
 *   admin edited (`editedAt` unset) is updated when its content changed;
 * - an entry an admin edited is never overwritten, and nothing is ever deleted: a seed word that
 *   a newer seed dropped stays (students' cards point at it) until an admin removes it.
 *
 * Several instances starting together do the same writes; inserts that lose the race are ignored.
 */
export class SeedLoader {
  constructor(
    private readonly models: SeedModels,
    private readonly directory: string = SEED_TOPICS_DIRECTORY,
  ) {}

  async load(now = new Date()): Promise<SeedLoadReport> {
    const seed = await readSeed(this.directory);
    const previous = await this.models.loads.findOne({ _id: 'seed' }).lean<SeedLoadDocument>();
    const empty = { inserted: 0, updated: 0, keptEdited: 0, unchanged: 0 };
    if (previous?.history.some((entry) => entry.hash === seed.hash) && (await this.models.topics.estimatedDocumentCount()) > 0) {
      return { outcome: 'already-loaded', hash: seed.hash, topics: empty, words: empty, notInSeed: 0 };
    }

    const topics = await this.merge(
      this.models.topics as unknown as EntryModel,
      seed.topics.map((topic) => ({ id: seedTopicId(topic.slug), content: topicContent(topic) })),
      now,
    );
    const seedWords = seed.topics.flatMap(wordContents);
    const words = await this.merge(this.models.words as unknown as EntryModel, seedWords, now);
    const inSeed = new Set(seedWords.map((word) => word.id));
    const seeded = await this.models.words.find({ seedHash: { $exists: true } }, { _id: 1 }).lean<Array<{ _id: string }>>();
    const notInSeed = seeded.filter((document) => !inSeed.has(document._id)).length;

    await this.models.loads.updateOne(
      { _id: 'seed' },
      { $set: { hash: seed.hash, loadedAt: now }, $push: { history: { hash: seed.hash, loadedAt: now } } },
      { upsert: true },
    );
    return { outcome: 'loaded', hash: seed.hash, topics, words, notInSeed };
  }

  private async merge(model: EntryModel, entries: ReadonlyArray<{ id: string; content: object }>, now: Date): Promise<Counts> {
    const stored = new Map(
      (
        await model
          .find({ _id: { $in: entries.map((entry) => entry.id) } }, { _id: 1, seedHash: 1, editedAt: 1 })
          .lean<Array<{ _id: string; seedHash?: string; editedAt?: Date }>>()
      ).map((document) => [document._id, document]),
    );
    const counts: Counts = { inserted: 0, updated: 0, keptEdited: 0, unchanged: 0 };
    const inserts: Array<{ _id: string; [field: string]: unknown }> = [];
    for (const { id, content } of entries) {
      const seedHash = contentHash(content);
      const current = stored.get(id);
      if (!current) {
        inserts.push({ _id: id, ...content, seedHash, createdAt: now, updatedAt: now });
      } else if (current.editedAt) {
        counts.keptEdited++;
      } else if (current.seedHash === seedHash) {
        counts.unchanged++;
      } else {
        // The filter re-checks editedAt: an admin's edit made since the read above wins.
        const result = await model.updateOne({ _id: id, editedAt: { $exists: false } }, { $set: { ...content, seedHash, updatedAt: now } });
        if (result.modifiedCount > 0) counts.updated++;
        else counts.keptEdited++;
      }
    }
    counts.inserted = await insertMissing(model, inserts);
    return counts;
  }
}

async function insertMissing(model: EntryModel, documents: Array<{ _id: string; [field: string]: unknown }>): Promise<number> {
  if (documents.length === 0) return 0;
  try {
    // lean: stored as built here, like the driver's insertMany (no hydration of the whole seed).
    return (await model.insertMany(documents, { ordered: false, lean: true, rawResult: true })).insertedCount;
  } catch (error) {
    // Another instance inserted some of them meanwhile.
    if (error instanceof MongoBulkWriteError && writeErrorsOf(error).every((entry) => entry.code === DUPLICATE_KEY)) {
      return error.insertedCount;
    }
    if (isDuplicateKey(error)) return 0;
    throw error;
  }
}

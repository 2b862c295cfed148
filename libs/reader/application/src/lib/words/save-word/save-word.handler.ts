import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { ReaderWordSaved, type SavedWord } from '@tall/reader/contracts';
import { LEXICON_SOURCE, type LexiconSource } from '../../ports/lexicon-source.port';
import { READER_CLOCK, type ReaderClock } from '../../ports/text-file-reader.port';
import { READING_STORE, type ReadingStore, type SavedWordRecord } from '../../ports/reading-store.port';
import { ReadableTexts } from '../../reading/readable-texts';
import { studentEventMeta } from '../../reading/text-events';
import { TextViews } from '../../reading/text-views';
import { resolveWordRef } from '../word-ref';
import { SaveWordCommand } from './save-word.command';

/**
 * A word is saved once per student: the save's id derives from the student and the word, so
 * saving it again (from any text) finds the first save and publishes nothing. The word's state
 * becomes `learning`. Vocabulary turns the event into a learning card, with the dictionary's
 * translation in the language asked for (English when it lacks that one).
 */
@CommandHandler(SaveWordCommand)
export class SaveWordHandler implements ICommandHandler<SaveWordCommand> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
    @Inject(LEXICON_SOURCE) private readonly lexicons: LexiconSource,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, textId, body }: SaveWordCommand): Promise<{ word: SavedWord; created: boolean }> {
    const text = await this.texts.get(textId, userId);
    const { key, word, lemma } = await resolveWordRef(this.views, body);
    const language = body.language ?? 'en';
    const at = this.clock();
    const record: SavedWordRecord = {
      savedId: createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, 32),
      userId,
      textId: text.id,
      key,
      lemma: lemma.slice(0, 80),
      wordId: word?.id ?? null,
      translation: word ? (word.translations[language] ?? word.translations['en'] ?? null) : null,
      article: word?.article ?? null,
      context: body.sentence,
      savedAt: at,
    };
    const event = createEvent(
      ReaderWordSaved,
      {
        userId,
        savedId: record.savedId,
        lemma: record.lemma,
        translation: record.translation?.slice(0, 200) ?? null,
        article: record.article,
        context: record.context,
        textId: record.textId,
        wordId: record.wordId,
        at: at.toISOString(),
      },
      studentEventMeta(userId, at),
    );
    const saved = await this.reading.saveWord(record, event);
    if (saved.created) {
      await this.reading.setState(userId, key, 'learning', at);
      this.lexicons.forgetUserWords(userId);
    }
    return { word: { ...viewOf(saved.word), alreadySaved: !saved.created }, created: saved.created };
  }
}

function viewOf(record: SavedWordRecord): Omit<SavedWord, 'alreadySaved'> {
  return {
    savedId: record.savedId,
    lemma: record.lemma,
    wordId: record.wordId,
    translation: record.translation,
    article: record.article,
    context: record.context,
    textId: record.textId,
    savedAt: record.savedAt.toISOString(),
  };
}

import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DictionaryMissingError, LEARNING_DICTIONARY, type DictionaryLookup } from '../dictionary-lookup.port';
import { LearningCardFactory, normaliseText, pickTranslation } from '../learning-card-factory';
import { LEARNING_CLOCK, type Clock } from '../learning-settings';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { AddReaderWordCommand } from './add-reader-word.command';

/** Namespace of the card ids derived from the reader's saves (a v5-style name-based UUID). */
const READER_CARD_NAMESPACE = 'tall.vocabulary.learning.reader';

/**
 * Adds a word the student saved while reading, once per save (the card id derives from the
 * save); a word already in the student's dictionary (same lemma, any case) is not added again.
 */
@CommandHandler(AddReaderWordCommand)
export class AddReaderWordHandler implements ICommandHandler<AddReaderWordCommand> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_DICTIONARY) private readonly dictionary: DictionaryLookup,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(LearningCardFactory) private readonly cards: LearningCardFactory,
  ) {}

  async execute({ word, causationId }: AddReaderWordCommand): Promise<boolean> {
    const student = await this.store.student(word.userId);
    if (student?.erased) return false;
    const id = readerCardId(word.userId, word.savedId);
    if (await this.store.findCard(word.userId, id)) return false;
    const savedAt = new Date(Math.min(Date.parse(word.at), this.clock().getTime()));
    const translation = word.translation ?? (word.wordId ? await this.dictionaryTranslation(word.wordId) : null);
    const card = this.cards.newCard(
      word.userId,
      id,
      {
        lemma: normaliseText(word.lemma),
        article: word.article,
        translation: translation ? normaliseText(translation) : null,
        note: null,
        context: word.context?.trim() || null,
        source: 'reader',
        wordId: word.wordId,
        savedId: word.savedId,
        textId: word.textId,
      },
      savedAt,
    );
    if (await this.store.findCardByLemmaKey(word.userId, card.lemmaKey)) return false;
    const outcome = await this.store.insertCard(card, [this.cards.addedEvent(card, { causationId })]);
    if (outcome !== 'inserted') return false;
    await this.store.changeCohortSize(word.userId, card.cohortWeek, 1, this.clock());
    return true;
  }

  /** A missing dictionary must not keep a reader event failing for ever: the word comes without translation. */
  private async dictionaryTranslation(wordId: string): Promise<string | null> {
    try {
      const entry = await this.dictionary.findWord(wordId);
      return entry ? pickTranslation(entry.translations, undefined) : null;
    } catch (error) {
      if (error instanceof DictionaryMissingError) return null;
      throw error;
    }
  }
}

/** A v5-style name-based UUID: the same save of the same student always names the same card. */
export function readerCardId(userId: string, savedId: string): string {
  const hash = createHash('sha1').update(`${READER_CARD_NAMESPACE}\n${userId}\n${savedId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MyWord } from '@tall/vocabulary/contracts';
import { vocabularyErrors } from '@tall/vocabulary/domain';
import { DictionaryMissingError, LEARNING_DICTIONARY, type DictionaryLookup, type DictionaryLookupWord } from '../dictionary-lookup.port';
import { LearningCardFactory, normaliseText, pickTranslation } from '../learning-card-factory';
import { LEARNING_CLOCK, type Clock } from '../learning-settings';
import { LEARNING_STORE, type LearningCardRecord, type LearningStore } from '../learning-store.port';
import { toMyWord } from '../my-word-view';
import { AddMyWordCommand } from './add-my-word.command';

/** A lemma is in a student's dictionary once (any case): a second add names the card that has it. */
@CommandHandler(AddMyWordCommand)
export class AddMyWordHandler implements ICommandHandler<AddMyWordCommand> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_DICTIONARY) private readonly dictionary: DictionaryLookup,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(LearningCardFactory) private readonly cards: LearningCardFactory,
  ) {}

  async execute({ userId, word: body }: AddMyWordCommand): Promise<MyWord> {
    const student = await this.store.student(userId);
    if (student?.erased) throw vocabularyErrors.learningAccountErased();
    const at = this.clock();
    let word: Pick<LearningCardRecord, 'lemma' | 'article' | 'translation' | 'note' | 'source' | 'wordId'>;
    if ('wordId' in body) {
      const entry = await this.lookUp(body.wordId);
      if (!entry) throw vocabularyErrors.dictionaryWordNotFound();
      word = {
        lemma: entry.lemma,
        article: entry.article,
        translation: pickTranslation(entry.translations, body.language),
        note: null,
        source: 'dictionary',
        wordId: entry.wordId,
      };
    } else {
      word = {
        lemma: normaliseText(body.lemma),
        article: body.article ?? null,
        translation: normaliseText(body.translation),
        note: body.note ? body.note : null,
        source: 'own',
        wordId: null,
      };
    }
    const card = this.cards.newCard(userId, randomUUID(), { ...word, context: null, savedId: null, textId: null }, at);
    const existing = await this.store.findCardByLemmaKey(userId, card.lemmaKey);
    if (existing) throw vocabularyErrors.learningWordExists(existing.id);
    const outcome = await this.store.insertCard(card, [this.cards.addedEvent(card, { actorId: userId })]);
    if (outcome === 'lemma-exists') {
      const winner = await this.store.findCardByLemmaKey(userId, card.lemmaKey);
      throw vocabularyErrors.learningWordExists(winner?.id ?? card.id);
    }
    await this.store.changeCohortSize(userId, card.cohortWeek, 1, at);
    return toMyWord(card);
  }

  private async lookUp(wordId: string): Promise<DictionaryLookupWord | null> {
    try {
      return await this.dictionary.findWord(wordId);
    } catch (error) {
      if (error instanceof DictionaryMissingError) throw vocabularyErrors.dictionaryUnavailable();
      throw error;
    }
  }
}

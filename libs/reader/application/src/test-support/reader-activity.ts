import { OpenTextCommand } from '../lib/reading/open-text/open-text.command';
import { OpenTextHandler } from '../lib/reading/open-text/open-text.handler';
import { SavePositionCommand } from '../lib/reading/save-position/save-position.command';
import { SavePositionHandler } from '../lib/reading/save-position/save-position.handler';
import { SubmitAttemptCommand } from '../lib/tests/submit-attempt/submit-attempt.command';
import { SubmitAttemptHandler } from '../lib/tests/submit-attempt/submit-attempt.handler';
import { SaveWordCommand } from '../lib/words/save-word/save-word.command';
import { SaveWordHandler } from '../lib/words/save-word/save-word.handler';
import { SetWordStateCommand } from '../lib/words/set-word-state/set-word-state.command';
import { SetWordStateHandler } from '../lib/words/set-word-state/set-word-state.handler';
import { libraryText, ownText, QUESTIONS, type ReaderFixture } from './reader-fixture';

/**
 * A student who has done a bit of everything, through the handlers: imported a text, read it
 * and a library test text, chosen a word's state, saved a word and taken the test. For the
 * export and erasure tests.
 */
export async function readSomething(fixture: ReaderFixture, userId: string): Promise<{ ownTextId: string; attemptId: string; savedId: string }> {
  const ownTextId = `own-${userId.slice(0, 8)}`;
  if (!(await fixture.library.get('tested'))) fixture.library.add(libraryText({ id: 'tested', title: 'Getest', source: 'test', test: { questions: QUESTIONS } }));
  await fixture.own.insert(ownText(userId, { id: ownTextId, title: 'Mijn dagboek', createdAt: fixture.clock.now }));
  const clock = fixture.clock.read;
  await new OpenTextHandler(fixture.texts, fixture.views, fixture.reading, clock).execute(new OpenTextCommand(userId, ownTextId, 'en'));
  await new SavePositionHandler(fixture.texts, fixture.views, fixture.reading, clock).execute(new SavePositionCommand(userId, ownTextId, { paragraph: 1, sentence: 1, readingSeconds: 45 }));
  await new SetWordStateHandler(fixture.views, fixture.reading, clock).execute(new SetWordStateCommand(userId, { lemma: 'straat', state: 'known' }));
  const saved = await new SaveWordHandler(fixture.texts, fixture.views, fixture.reading, fixture.lexicons, clock).execute(
    new SaveWordCommand(userId, ownTextId, { wordId: 'w-huis', sentence: 'De man woont in een groot huis.' }),
  );
  const attempt = await new SubmitAttemptHandler(fixture.texts, fixture.reading, clock).execute(new SubmitAttemptCommand(userId, 'tested', { answers: [{ questionId: 'q1', answer: 0 }] }));
  return { ownTextId, attemptId: attempt.id, savedId: saved.word.savedId };
}

import { RegisterDeviceCommand } from '../lib/devices/register-device/register-device.command';
import { RegisterDeviceHandler } from '../lib/devices/register-device/register-device.handler';
import { AnswerQuestionCommand } from '../lib/viewing/answer-question/answer-question.command';
import { AnswerQuestionHandler } from '../lib/viewing/answer-question/answer-question.handler';
import { SaveVideoPositionCommand } from '../lib/viewing/save-position/save-position.command';
import { SaveVideoPositionHandler } from '../lib/viewing/save-position/save-position.handler';
import { deviceKeys } from './device-keys';
import type { ListeningFixture } from './listening-fixture';

const LAPTOP = deviceKeys();

/** A student watches the ready video `markt` a little, answers its short question, and registers a laptop. */
export async function watchSomething(fixture: ListeningFixture, userId: string) {
  await new SaveVideoPositionHandler(fixture.ready, fixture.students, fixture.clock.read).execute(new SaveVideoPositionCommand(userId, 'markt', { positionSeconds: 6, watchedSeconds: 6 }));
  await new AnswerQuestionHandler(fixture.ready, fixture.students, fixture.clock.read).execute(new AnswerQuestionCommand(userId, 'markt', { questionId: 'q3', answer: 'appels', positionSeconds: 17 }));
  return new RegisterDeviceHandler(fixture.students, fixture.vault, fixture.clock.read).execute(new RegisterDeviceCommand(userId, { publicKey: LAPTOP.publicKey, name: 'Laptop' }));
}

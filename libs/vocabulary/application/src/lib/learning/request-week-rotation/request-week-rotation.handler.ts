import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LearningRotationRunner } from '../learning-rotation-runner';
import { LEARNING_CLOCK, type Clock } from '../learning-settings';
import { ROTATION_STORE, type RotationStore } from '../rotation-store.port';
import { RequestWeekRotationCommand } from './request-week-rotation.command';

@CommandHandler(RequestWeekRotationCommand)
export class RequestWeekRotationHandler implements ICommandHandler<RequestWeekRotationCommand> {
  constructor(
    @Inject(ROTATION_STORE) private readonly store: RotationStore,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(LearningRotationRunner) private readonly runner: LearningRotationRunner,
  ) {}

  async execute({ week, request }: RequestWeekRotationCommand): Promise<void> {
    await this.store.requestWeek(week, { ...request, at: this.clock() });
    this.runner.kick();
  }
}

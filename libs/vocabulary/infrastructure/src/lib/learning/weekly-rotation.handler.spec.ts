import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { WeeklyCronTriggered } from '@tall/system/contracts';
import { RequestWeekRotationCommand } from '@tall/vocabulary/application';
import { weeklyRotationHandler } from './weekly-rotation.handler';

describe('weeklyRotationHandler', () => {
  const executed: unknown[] = [];
  const handler = weeklyRotationHandler({ execute: async (command: unknown) => void executed.push(command) } as unknown as CommandBus);
  const weekly = (job: string) =>
    createEvent(WeeklyCronTriggered, { job, periodKey: '2026-W48', trigger: 'catch-up', triggeredAt: '2026-11-23T02:00:00.000Z' }, { key: `${job}:2026-W48`, correlationId: randomUUID() });

  beforeEach(() => (executed.length = 0));

  it('keeps its inbox key', () => {
    expect(handler.name).toBe('vocabulary.learning.rotateWeek');
  });

  it("requests the rotation of the weekly-cohorts job's week, carrying the event's correlation and id", async () => {
    const event = weekly('weekly-cohorts');
    await handler.handle(event);
    expect(executed).toEqual([new RequestWeekRotationCommand('2026-W48', { trigger: 'catch-up', correlationId: event.correlationId, causationId: event.id })]);
  });

  it('ignores the other weekly jobs', async () => {
    await handler.handle(weekly('weekly-digest'));
    expect(executed).toEqual([]);
  });
});

import type { LearningRotationRunner } from '../learning-rotation-runner';
import type { RotationStore } from '../rotation-store.port';
import { RequestWeekRotationCommand } from './request-week-rotation.command';
import { RequestWeekRotationHandler } from './request-week-rotation.handler';

describe('RequestWeekRotationHandler', () => {
  it('records the week with its trigger and starts the run in the background', async () => {
    const steps: string[] = [];
    const requests: unknown[] = [];
    const store = {
      requestWeek: async (week: string, request: unknown) => {
        steps.push(`record ${week}`);
        requests.push(request);
        return true;
      },
    } as Partial<RotationStore> as RotationStore;
    const runner = { kick: () => void steps.push('kick') } as unknown as LearningRotationRunner;
    const at = new Date('2026-11-23T02:00:00Z');
    await new RequestWeekRotationHandler(store, () => at, runner).execute(
      new RequestWeekRotationCommand('2026-W48', { trigger: 'schedule', correlationId: 'c1', causationId: 'e1' }),
    );
    expect(steps).toEqual(['record 2026-W48', 'kick']);
    expect(requests).toEqual([{ trigger: 'schedule', correlationId: 'c1', causationId: 'e1', at }]);
  });
});

import { fsrsScheduler, sm2Scheduler } from './schedulers';
import { intervalPrediction, seededRandom, simulate, type Scheduler, type SchedulerCard } from './simulation';

const options = { learners: 5, newPerDay: 5, introductionDays: 4, horizonDays: 30, halfLifeDays: [1.5, 5.5] as [number, number], seed: 7 };

/** Reviews every card every `days` days; predicts a fixed probability. */
const fixedInterval = (days: number, prediction: number): Scheduler<SchedulerCard> => ({
  name: `every ${days} days`,
  introduce: (now) => ({ due: now + days }),
  review: (_card, now) => ({ due: now + days }),
  predict: () => prediction,
});

describe('scheduler simulation', () => {
  it('is repeatable for a seed and differs for another', () => {
    expect(simulate(sm2Scheduler(), options)).toEqual(simulate(sm2Scheduler(), options));
    expect(simulate(sm2Scheduler(), { ...options, seed: 8 })).not.toEqual(simulate(sm2Scheduler(), options));
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it('rewards practice: daily reviews retain more than monthly ones, at a higher cost', () => {
    const daily = simulate(fixedInterval(1, 0.9), options);
    const monthly = simulate(fixedInterval(40, 0.9), options);
    expect(daily.words).toBe(options.learners * options.newPerDay * options.introductionDays);
    expect(daily.retention).toBeGreaterThan(monthly.retention + 0.2);
    expect(daily.reviews).toBeGreaterThan(monthly.reviews * 10);
    expect(monthly.reviews).toBe(0);
  });

  it('scores a prediction by its distance from the true recall probability', () => {
    const sometimesRight = simulate(fixedInterval(1, 0.6), options);
    const confident = simulate(fixedInterval(1, 1), options);
    const hopeless = simulate(fixedInterval(1, 0), options);
    expect(hopeless.rmse).toBeGreaterThan(sometimesRight.rmse);
    expect(hopeless.rmse).toBeGreaterThan(confident.rmse);
    expect(confident.rmse).toBeGreaterThan(0);
  });

  it('runs FSRS and SM-2 and reads interval schedulers as aiming at 90%', () => {
    for (const scheduler of [fsrsScheduler(), sm2Scheduler()] as Scheduler[]) {
      const result = simulate(scheduler, options);
      expect(result.reviews).toBeGreaterThan(result.words);
      expect(result.retention).toBeGreaterThan(0.3);
      expect(result.rmse).toBeLessThan(0.6);
    }
    expect(intervalPrediction(7, 7)).toBeCloseTo(0.9);
    expect(intervalPrediction(14, 7)).toBeCloseTo(0.81);
    expect(intervalPrediction(3, 0)).toBe(0.9);
  });
});

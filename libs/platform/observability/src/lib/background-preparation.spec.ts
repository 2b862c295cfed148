import { BackgroundPreparation } from './background-preparation';
import { HealthRegistry } from './health';
import { createLogger } from './logger';

const logger = createLogger({ level: 'silent' });

/** Polls until the condition holds (jest's timeout bounds it); observability cannot use platform/testing, which depends on it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('BackgroundPreparation', () => {
  it('answers start-up at once when the work succeeds, and readiness is up', async () => {
    const health = new HealthRegistry({ cacheMs: 0 });
    const preparation = new BackgroundPreparation({ name: 'library', subject: 'the library', prepare: async () => undefined, health, logger });

    await preparation.start();

    expect(preparation.done).toBe(true);
    expect((await health.readiness()).checks['library']?.status).toBe('up');
  });

  it('goes on in the background after the wait, reports the last error, and retries until the work succeeds', async () => {
    const health = new HealthRegistry({ cacheMs: 0 });
    let tries = 0;
    const prepare = async (): Promise<void> => {
      tries += 1;
      if (tries < 3) throw new Error(`database down (${tries})`);
    };
    const preparation = new BackgroundPreparation({ name: 'library', subject: 'the library', prepare, health, logger, waitAtStartMs: 0, retryDelayMs: () => 20 });

    await preparation.start();
    const early = await health.readiness();
    expect(preparation.done).toBe(false);
    expect(early.checks['library']).toMatchObject({ status: 'down', error: expect.stringMatching(/^the library is not ready yet: database down/) });

    await until(() => preparation.done);
    expect(tries).toBe(3);
    expect((await health.readiness()).checks['library']?.status).toBe('up');
  });

  it('stops retrying when stopped', async () => {
    const health = new HealthRegistry({ cacheMs: 0 });
    let tries = 0;
    const preparation = new BackgroundPreparation({
      name: 'library',
      subject: 'the library',
      prepare: async () => {
        tries += 1;
        throw new Error('down');
      },
      health,
      logger,
      waitAtStartMs: 0,
      retryDelayMs: () => 10,
    });

    await preparation.start();
    await until(() => tries >= 2);
    await preparation.stop();
    const triesAtStop = tries;
    // Ten retry delays later nothing has tried again.
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(preparation.done).toBe(false);
    expect(tries).toBe(triesAtStop);
    expect((await health.readiness()).status).toBe('unavailable');
  });
});

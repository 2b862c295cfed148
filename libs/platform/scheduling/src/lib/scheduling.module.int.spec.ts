import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { createPgPool, PG_POOL } from '@tall/platform/database';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import type { Pool } from 'pg';
import { ScheduledJobs } from './scheduled-jobs';
import { SchedulingModule } from './scheduling.module';

describe('SchedulingModule wiring', () => {
  const schema = uniqueName('sched_module').toLowerCase();
  const job = uniqueName('job');
  let pool: Pool;

  beforeAll(() => {
    pool = createPgPool(stackEnv().DATABASE_URL, 4, 'test');
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('migrates, registers a context job, catches it up at bootstrap and stops on close', async () => {
    const ran = jest.fn(async () => undefined);

    @Global()
    @Module({ providers: [{ provide: PG_POOL, useValue: pool }], exports: [PG_POOL] })
    class TestDatabaseModule {}

    @Injectable()
    class CohortJobs implements OnModuleInit {
      constructor(private readonly jobs: ScheduledJobs) {}
      onModuleInit(): void {
        this.jobs.register({ name: job, cron: '0 3 * * 1', timeZone: 'Europe/Amsterdam', period: () => 'p', run: ran });
      }
    }

    @Module({ providers: [CohortJobs] })
    class CohortModule {}

    @Module({ imports: [TestDatabaseModule, SchedulingModule.forRoot({ schema }), CohortModule] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const jobs = app.get(ScheduledJobs);
    await jobs.idle();
    expect(ran).toHaveBeenCalledTimes(1);
    expect(app.get(SchedulerRegistry).getCronJob(job).isActive).toBe(true);
    const { rows } = await pool.query(`SELECT status FROM ${schema}.job_runs WHERE job = $1`, [job]);
    expect(rows).toEqual([{ status: 'succeeded' }]);

    await app.close();
    expect(app.get(SchedulerRegistry).doesExist('cron', job)).toBe(false);
  });
});

import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EXPORT_USER_DATA, exportUserDataCall, UserDataSectionSchema } from '@tall/platform/call-contracts';
import { loadConfig } from '@tall/platform/config';
import { createLogger } from '@tall/platform/observability';
import { ModuleCatalog, RpcClient, RpcRegistry } from '@tall/platform/rpc';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { AppModule } from './app.module';
import { CONTEXT_MODULES } from './context-modules';

/**
 * GDPR Art. 15/20: the export must cover every context of the app. This boots the whole app and
 * fails when a context of the catalog does not provide `<context>.exportUserData`: a new context
 * cannot be added without saying what it holds about a user.
 */
describe('every context contributes to the GDPR export', () => {
  let app: NestFastifyApplication;
  let database: string;

  beforeAll(async () => {
    const stack = stackEnv();
    database = uniqueName('int_export').toLowerCase();
    const admin = new Client({ connectionString: stack.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const config = loadConfig({
      ...stack,
      DATABASE_URL: stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
      MONGODB_URI: stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
      KAFKA_BROKERS: '',
      CRON_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    // The app module as production builds it, without the HTTP extras (OpenAPI UI) Jest cannot load.
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, createLogger({ level: 'silent' })), new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    const client = new Client({ connectionString: stackEnv().DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await client.end();
  });

  it('has the app’s contexts in the module catalog the export collector reads', () => {
    expect(app.get(ModuleCatalog).modules).toEqual(CONTEXT_MODULES.map((context) => context.name));
  });

  it.each(CONTEXT_MODULES.map((context) => context.name))('%s provides exportUserData', (name) => {
    expect(app.get(RpcRegistry).provides(exportUserDataCall(name).name)).toBe(true);
  });

  it('misses no required call of any hosted context', () => {
    expect(app.get(RpcRegistry).missing([EXPORT_USER_DATA])).toEqual([]);
  });

  it('gets a valid section, for its own context, from every context that holds nothing about an unknown user', async () => {
    const rpc = app.get(RpcClient);
    const userId = randomUUID();
    for (const { name } of CONTEXT_MODULES) {
      const section = await rpc.call(exportUserDataCall(name), { userId }, { principal: { userId, role: 'STUDENT' } }).catch((error) => error);
      if (section instanceof Error) {
        // A context may refuse a user it does not know; it must do so with a typed error, not a crash.
        expect(section).toMatchObject({ code: expect.any(String) });
        expect((section as { getStatus?: () => number }).getStatus?.()).toBeLessThan(500);
        continue;
      }
      expect(UserDataSectionSchema.parse(section).context).toBe(name);
    }
  });
});

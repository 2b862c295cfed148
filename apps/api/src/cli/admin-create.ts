import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { ConfigError, loadConfig } from '@tall/platform/config';
import { createLogger } from '@tall/platform/observability';
import { BootstrapAdminCommand } from '@tall/profile/application';
import { AppModule } from '../app/app.module';
import { readSecretLine } from './read-secret-line';

const USAGE = `Creates a TECH_ADMIN account (once: an existing account with that email is left unchanged).

  npm run admin:create -- --email ops@school.example [--first-name Ada --last-name Admin]

The password is read from ADMIN_PASSWORD, or asked for (not echoed), or read from stdin when piped.
Tall's usual environment (DATABASE_URL, MONGODB_URI, Secrets Manager, ...) must be set.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.email) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  let config;
  try {
    // No timers and no catch-up from a one-off command.
    config = loadConfig({ ...process.env, CRON_ENABLED: 'false' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  }
  const password = process.env['ADMIN_PASSWORD'] || (await readSecretLine('Password for the new TECH_ADMIN: '));
  const logger = createLogger({ level: process.env['LOG_LEVEL'] ?? 'error' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, logger), { logger: false, abortOnError: false });
  try {
    const result = await app
      .get(CommandBus, { strict: false })
      .execute(new BootstrapAdminCommand({ email: values.email, password, firstName: values['first-name'], lastName: values['last-name'] }));
    process.stdout.write(
      result.outcome === 'created'
        ? `Created TECH_ADMIN ${result.userId}.\n`
        : `An account with this email already exists (${result.userId}); nothing was changed.\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

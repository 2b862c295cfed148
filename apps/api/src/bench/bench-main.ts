import 'reflect-metadata';
import { loadConfig } from '@tall/platform/config';
import { createLogger } from '@tall/platform/observability';
import { bootstrap } from '../app/bootstrap';
import { BenchNotesModule } from './bench-notes.module';
import { BenchSessionCheckModule } from './bench-session-check.module';

/** The benchmark host: the production app plus the state+outbox write route and the session-check reads. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const app = await bootstrap(config, logger, [BenchNotesModule, BenchSessionCheckModule]);
  await app.startAllMicroservices();
  await app.listen({ port: config.PORT, host: config.HOST });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`bench host failed: ${String(error)}\n`);
  process.exit(1);
});

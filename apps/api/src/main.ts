import 'reflect-metadata';
import { ConfigError, loadConfig } from '@tall/platform/config';
import { createLogger } from '@tall/platform/observability';
import { bootstrap } from './app/bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Tall cannot start. ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  // A stray rejected promise in a background task (a client library's reconnect timer, say) must not
  // take the whole API down: it is logged loudly instead. A synchronous uncaught exception may have
  // left state half-changed, so that one still ends the process (the orchestrator restarts it).
  // Connections that backing services drop are handled where they live (guardPoolClients).
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
  const app = await bootstrap(config, logger);
  // The internal listener first: once /health/live answers, other processes can call this one.
  await app.startAllMicroservices();
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT, internalPort: config.INTERNAL_PORT, modules: config.MODULES }, 'Tall is listening');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Tall failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});


import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@tall/platform/config';
import { createPgPool } from '@tall/platform/database';
import { createLogger } from '@tall/platform/observability';
import { compareReadModels, PROGRESS_SCHEMA, progressInUse, rebuildProgress, swapIntoLive } from '@tall/progress/infrastructure';

const USAGE = `Rebuilds the progress read model from its topics, replayed from the first offset.

  npm run progress:rebuild -- [--schema progress_rebuild] [--replace] [--swap [--force]]

  --schema   the empty schema to build into (default progress_rebuild); never the live one
  --replace  drop that schema first when it exists
  --swap     then make it the live schema (the old one is kept as progress_replaced_<time>);
             only while no process hosts progress: refused when its consumer group has members
             or it applied events in the last 30 s, unless --force

Afterwards the rebuilt model is compared row by row with the live one (exit 2 when they differ:
events published after the rebuild started are only in the live one). Needs KAFKA_BROKERS and
Tall's usual DATABASE_URL.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      schema: { type: 'string', default: 'progress_rebuild' },
      replace: { type: 'boolean', default: false },
      swap: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let config;
  try {
    config = loadConfig({ ...process.env, CRON_ENABLED: 'false' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  }
  const brokers = config.KAFKA_BROKERS ?? [];
  if (brokers.length === 0) {
    process.stderr.write('KAFKA_BROKERS is not set: a rebuild replays the Kafka topics, and without Kafka there are none.\n');
    return 78;
  }
  const logger = createLogger({ level: process.env['LOG_LEVEL'] ?? 'info' }).child({ component: 'progress-rebuild' });
  const pool = createPgPool(config.DATABASE_URL, 5, 'tall-progress-rebuild');
  try {
    const report = await rebuildProgress({ pool, brokers, clientId: `${config.KAFKA_CLIENT_ID}-progress-rebuild`, schema: values.schema, replace: values.replace, logger });
    process.stdout.write(`Rebuilt ${report.events} events into ${report.schema} in ${(report.durationMs / 1000).toFixed(1)} s.\n`);
    for (const topic of report.topics) {
      const truncated = topic.truncatedPartitions.length > 0 ? ` — partitions ${topic.truncatedPartitions.join(', ')} no longer start at offset 0` : '';
      process.stdout.write(`  ${topic.topic}: ${topic.messages} messages${truncated}\n`);
    }
    const differences = await compareReadModels(pool, PROGRESS_SCHEMA, report.schema).catch((error: unknown) => {
      process.stdout.write(`Not compared with the live model: ${error instanceof Error ? error.message : String(error)}\n`);
      return null;
    });
    if (differences) {
      if (differences.length === 0) process.stdout.write(`Equal to the live model (${PROGRESS_SCHEMA}), row for row.\n`);
      for (const difference of differences) {
        process.stdout.write(`  ${difference.table}: live ${difference.rows[0]} rows, rebuilt ${difference.rows[1]}; e.g. only live ${JSON.stringify(difference.onlyIn.left)}, only rebuilt ${JSON.stringify(difference.onlyIn.right)}\n`);
      }
    }
    if (values.swap) {
      const signs = await progressInUse(pool, brokers);
      if (signs.length > 0 && !values.force) {
        process.stderr.write(`Not swapped: progress looks hosted right now (${signs.join('; ')}). Stop it, or pass --force.\n`);
        return 3;
      }
      const replaced = await swapIntoLive(pool, report.schema);
      process.stdout.write(`${report.schema} is now ${PROGRESS_SCHEMA}; the previous one is kept as ${replaced} (DROP SCHEMA ${replaced} CASCADE when satisfied).\n`);
      return 0;
    }
    return differences && differences.length > 0 ? 2 : 0;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`progress:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

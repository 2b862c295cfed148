import type { Logger } from 'pino';
import type { EventRegistry } from '@tall/platform/event-contracts';

/**
 * Registers every event schema with a Confluent-compatible schema registry (JSON Schema type),
 * one subject per topic and event type: `<topic>-<type>`, one registry version per schema
 * version, in order. A registry that is down does not stop Tall: the committed lock file and the
 * contract test remain the gate; a failure is logged and retried at the next start.
 */
export async function registerEventSchemas(
  registryUrl: string,
  registry: EventRegistry,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
): Promise<{ registered: number; failed: number }> {
  let registered = 0;
  let failed = 0;
  for (const schema of registry.schemas()) {
    const subject = encodeURIComponent(`${schema.topic}-${schema.type}`);
    try {
      const response = await fetchImpl(`${registryUrl.replace(/\/$/, '')}/subjects/${subject}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({
          schemaType: 'JSON',
          schema: JSON.stringify({ ...schema.jsonSchema, title: `${schema.type} v${schema.version}`, description: schema.description }),
        }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      registered += 1;
    } catch (error) {
      failed += 1;
      logger.warn({ subject: decodeURIComponent(subject), err: error }, 'could not register an event schema');
    }
  }
  logger.info({ registered, failed }, 'event schemas registered with the schema registry');
  return { registered, failed };
}

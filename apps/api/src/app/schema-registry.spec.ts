import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { defineEvent, EventRegistry } from '@tall/platform/event-contracts';
import { createLogger } from '@tall/platform/observability';
import { registerEventSchemas } from './schema-registry';

const A1 = defineEvent({ type: 'a.happened', version: 1, topic: 'a.events.v1', description: 'A', schema: z.object({ id: z.string() }) });
const A2 = defineEvent({ type: 'a.happened', version: 2, topic: 'a.events.v1', description: 'A', schema: z.object({ id: z.string(), n: z.number().optional() }) });

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

describe('registerEventSchemas', () => {
  it('posts each schema version, in order, as JSON Schema under <topic>-<type>', async () => {
    const received: { url: string; body: { schemaType: string; schema: string } }[] = [];
    const server = createServer(async (request, response) => {
      received.push({ url: request.url ?? '', body: JSON.parse(await readBody(request)) });
      response.writeHead(received.length === 3 ? 500 : 200, { 'content-type': 'application/json' }).end('{"id":1}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await registerEventSchemas(
        `http://127.0.0.1:${port}/`,
        new EventRegistry([A1, A2, defineEvent({ ...A1, type: 'b.happened' })]),
        createLogger({ level: 'silent' }),
      );
      expect(result).toEqual({ registered: 2, failed: 1 });
      expect(received.map((request) => request.url)).toEqual([
        '/subjects/a.events.v1-a.happened/versions',
        '/subjects/a.events.v1-a.happened/versions',
        '/subjects/a.events.v1-b.happened/versions',
      ]);
      expect(received[0].body.schemaType).toBe('JSON');
      expect(JSON.parse(received[1].body.schema)).toMatchObject({ title: 'a.happened v2', properties: { n: { type: 'number' } } });
    } finally {
      server.close();
    }
  });
});

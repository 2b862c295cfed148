import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** OpenAPI 3 at /api/docs (UI) and /api/docs-json: the source of the web client's API types. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Tall API')
    .setDescription('The API of Tall, the learning platform of an accelerated Dutch-as-a-second-language programme.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addGlobalParameters(
      { name: 'X-Client-Platform', in: 'header', required: false, schema: { type: 'string', enum: ['web', 'android', 'desktop'] } },
      { name: 'X-Client-Version', in: 'header', required: false, schema: { type: 'string' } },
      { name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string' } },
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'api/docs-json',
  });
}

import { Body, Controller, HttpCode, Inject, Injectable, Module, Post, type OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { createEvent, defineEvent } from '@tall/platform/event-contracts';
import { inTransaction, migrateSchema, PG_POOL } from '@tall/platform/database';
import { EventsRegistrar, PgOutbox } from '@tall/platform/events';
import { createZodDto } from '@tall/platform/http';
import { RequestContext } from '@tall/platform/observability';

/**
 * Benchmark-only: a state row plus its outbox row in one transaction, the write every context
 * makes. Mounted only by the benchmark host (bench-main.ts), never by the production entry point.
 */
const BenchNoteWritten = defineEvent({
  type: 'bench.noteWritten',
  version: 1,
  topic: 'bench.events.v1',
  description: 'Benchmark traffic',
  schema: z.object({ noteId: z.string(), length: z.int() }),
});

const outbox = new PgOutbox('bench');

class WriteNoteDto extends createZodDto(z.strictObject({ text: z.string().min(1).max(500) })) {}

@Injectable()
class BenchNotesSetup implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool, private readonly registrar: EventsRegistrar) {}

  async onModuleInit(): Promise<void> {
    await migrateSchema(this.pool, 'bench', [
      { id: '001-outbox', sql: outbox.migrationSql() },
      { id: '002-notes', sql: 'CREATE TABLE bench.notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), text text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())' },
    ]);
    this.registrar.registerPgSource(this.pool, 'bench');
  }
}

@ApiExcludeController()
@Controller('bench')
class BenchNotesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Post('notes')
  @HttpCode(201)
  async write(@Body() body: WriteNoteDto): Promise<{ id: string }> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ id: string }>('INSERT INTO bench.notes (text) VALUES ($1) RETURNING id', [body.text]);
      const id = rows[0].id;
      await outbox.append(tx, [
        createEvent(BenchNoteWritten, { noteId: id, length: body.text.length }, { key: id, correlationId: RequestContext.correlationId() }),
      ]);
      return { id };
    });
  }
}

@Module({ controllers: [BenchNotesController], providers: [BenchNotesSetup] })
export class BenchNotesModule {}

import { Command } from '@nestjs/cqrs';
import type { TextSummary } from '@tall/reader/contracts';

/** A student imports a text: pasted, or a file (.txt, .epub, .srt, .vtt). */
export class ImportTextCommand extends Command<TextSummary> {
  constructor(
    readonly userId: string,
    readonly input: { kind: 'pasted'; title: string; body: string } | { kind: 'file'; name: string; bytes: Buffer; title?: string },
  ) {
    super();
  }
}

import { ReaderError, type ReadTextFile, type TextFileReader } from '@tall/reader/application';
import { ImportError, importFile, importPasted, type ImportedText } from './text-import';

/** The import formats of `text-import.ts`, their refusals as the reader's errors (413, 415, 422). */
export class ImportingTextFileReader implements TextFileReader {
  async readFile(file: { name: string; bytes: Buffer }): Promise<ReadTextFile> {
    try {
      return textOf(await importFile(file));
    } catch (error) {
      throw readerErrorOf(error);
    }
  }

  readPasted(title: string, body: string): ReadTextFile {
    try {
      return textOf(importPasted(title, body));
    } catch (error) {
      throw readerErrorOf(error);
    }
  }
}

function textOf(text: ImportedText): ReadTextFile {
  return { format: text.format, title: text.title, sections: text.sections, encoding: text.encoding };
}

function readerErrorOf(error: unknown): unknown {
  return error instanceof ImportError ? new ReaderError(error.code, error.message) : error;
}

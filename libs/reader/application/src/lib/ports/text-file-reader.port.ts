import type { TextSection } from '@tall/reader/domain';

export interface ReadTextFile {
  format: 'pasted' | 'txt' | 'epub' | 'srt' | 'vtt';
  title: string;
  sections: TextSection[];
  encoding: string;
}

/** Turns an upload or a pasted text into clean sections; refuses with a ReaderError (UNSUPPORTED_TYPE, TOO_LARGE, BROKEN_FILE, EMPTY_TEXT). */
export interface TextFileReader {
  readFile(file: { name: string; bytes: Buffer }): Promise<ReadTextFile>;
  readPasted(title: string, body: string): ReadTextFile;
}

export const TEXT_FILE_READER = Symbol('TEXT_FILE_READER');

/** The reader's clock. */
export type ReaderClock = () => Date;
export const READER_CLOCK = Symbol('READER_CLOCK');

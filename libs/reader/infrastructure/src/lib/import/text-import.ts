import chardet from 'chardet';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

/** What a student may import: pasted text, or a `.txt`, `.epub`, `.srt` or `.vtt` file. */
export type ImportFormat = 'pasted' | 'txt' | 'epub' | 'srt' | 'vtt';

export type ImportErrorCode = 'UNSUPPORTED_TYPE' | 'BROKEN_FILE' | 'TOO_LARGE' | 'EMPTY_TEXT';

/** Why an import was refused: 415 for a type Tall does not read, 413 too large, 422 a file it cannot read (with the reason). */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ImportedSection {
  /** A chapter's heading, when the file names one. */
  title: string | null;
  /** Clean text: paragraphs separated by an empty line. */
  body: string;
}

export interface ImportedText {
  format: ImportFormat;
  title: string;
  sections: ImportedSection[];
  /** The character encoding the file was read in (`UTF-8`, `windows-1252`, …); pasted text is UTF-8. */
  encoding: string;
}

/** Files larger than this are refused before they are read (413). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Text longer than this after extraction is refused too: a book, not a reading. */
export const MAX_IMPORT_CHARACTERS = 2_000_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded file into clean text, by its name and its first bytes. */
export async function importFile(file: { name: string; bytes: Buffer }): Promise<ImportedText> {
  if (file.bytes.length > MAX_IMPORT_BYTES) throw new ImportError('TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const title = titleFromName(file.name);
  if (extension === 'epub' || (file.bytes.subarray(0, 4).equals(ZIP_MAGIC) && extension !== 'txt')) return readEpub(file.bytes, title);
  if (extension === 'txt' || extension === 'text') {
    const { text, encoding } = decode(file.bytes);
    return finish({ format: 'txt', title, sections: [{ title: null, body: cleanText(text) }], encoding });
  }
  if (extension === 'srt' || extension === 'vtt') {
    const { text, encoding } = decode(file.bytes);
    const body = extension === 'vtt' || /^\s*WEBVTT/.test(text) ? readVtt(text) : readSrt(text);
    return finish({ format: extension === 'vtt' || /^\s*WEBVTT/.test(text) ? 'vtt' : 'srt', title, sections: [{ title: null, body }], encoding });
  }
  throw new ImportError('UNSUPPORTED_TYPE', `${extension ? `.${extension}` : 'A file without an extension'} cannot be imported: use .txt, .epub, .srt or .vtt, or paste the text`);
}

/** Pasted text: only cleaned. */
export function importPasted(title: string, body: string): ImportedText {
  return finish({ format: 'pasted', title: title.trim(), sections: [{ title: null, body: cleanText(body) }], encoding: 'UTF-8' });
}

function finish(text: ImportedText): ImportedText {
  const sections = text.sections.filter((section) => section.body.length > 0);
  const characters = sections.reduce((sum, section) => sum + section.body.length, 0);
  if (characters === 0) throw new ImportError('EMPTY_TEXT', 'The file holds no text to read');
  if (characters > MAX_IMPORT_CHARACTERS) throw new ImportError('TOO_LARGE', `The text is longer than ${MAX_IMPORT_CHARACTERS.toLocaleString('en')} characters`);
  return { ...text, sections };
}

function titleFromName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
  return base.length > 0 ? base.slice(0, 200) : 'Imported text';
}

/**
 * The file's encoding: a byte-order mark when there is one, UTF-8 when the bytes are valid UTF-8,
 * otherwise what chardet finds most likely (windows-1252 for old Dutch text files, mostly).
 */
function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: ask chardet.
  }
  const guess = chardet.detect(bytes);
  const encoding = guess && iconv.encodingExists(guess) ? guess : 'windows-1252';
  return { text: iconv.decode(bytes, encoding), encoding };
}

/**
 * Clean text: NFC, one kind of line break, no control characters, no spaces at line ends, at most
 * one empty line between paragraphs; lines inside a paragraph stay (the reader joins them).
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // Control characters (the Unicode class Cc) but the line break and the tab; zero-width spaces and stray byte-order marks.
    .replace(/\p{Cc}/gu, (character) => (character === '\n' || character === '\t' ? character : ''))
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\t/g, ' ')
    .replace(/[ \u00a0]+\n/g, '\n')
    .replace(/[ ]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const SRT_TIMING = /^\s*(\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}/;

interface Cue {
  startMs: number;
  text: string;
}

function timeMs(value: string): number {
  const parts = value.trim().replace(',', '.').split(':').map(Number);
  return Math.round((parts.length === 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1]) * 1000);
}

/** Subtitles: the cues' text, in order, a paragraph wherever the speech pauses for more than two seconds. */
function cuesToText(cues: Cue[], kind: string): string {
  if (cues.length === 0) throw new ImportError('BROKEN_FILE', `No ${kind} cue has a timing line (00:00:01,000 --> 00:00:04,000)`);
  const paragraphs: string[][] = [[]];
  cues.forEach((cue, index) => {
    if (index > 0 && cue.startMs - cues[index - 1].startMs > 6_000) paragraphs.push([]);
    paragraphs[paragraphs.length - 1].push(cue.text);
  });
  return cleanText(paragraphs.map((lines) => lines.join(' ').replace(/\s+/g, ' ').trim()).join('\n\n'));
}

function stripCueMarkup(line: string): string {
  return line
    .replace(/<\d{1,2}:\d{2}[:.\d]*>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/^\s*-\s*/, '')
    .trim();
}

function readSrt(text: string): string {
  const cues: Cue[] = [];
  for (const block of cleanText(text).split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => SRT_TIMING.test(line));
    if (timing < 0) continue;
    const startMs = timeMs(lines[timing].split('-->')[0]);
    const words = lines.slice(timing + 1).map(stripCueMarkup).filter(Boolean).join(' ');
    if (words) cues.push({ startMs, text: words });
  }
  return cuesToText(cues, 'SubRip');
}

function readVtt(text: string): string {
  const cleaned = cleanText(text);
  if (!/^WEBVTT/.test(cleaned)) throw new ImportError('BROKEN_FILE', 'A WebVTT file starts with the line WEBVTT');
  const cues: Cue[] = [];
  for (const block of cleaned.split(/\n\s*\n/).slice(1)) {
    if (/^(NOTE|STYLE|REGION)\b/.test(block)) continue;
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0 || !SRT_TIMING.test(lines[timing])) continue;
    const startMs = timeMs(lines[timing].split('-->')[0]);
    const words = lines.slice(timing + 1).map(stripCueMarkup).filter(Boolean).join(' ');
    if (words) cues.push({ startMs, text: words });
  }
  return cuesToText(cues, 'WebVTT');
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => ['item', 'itemref', 'rootfile', 'title'].includes(name) });

/** An EPUB: its spine's documents in reading order, each a section with its heading; cover and navigation left out. */
async function readEpub(bytes: Buffer, fallbackTitle: string): Promise<ImportedText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('BROKEN_FILE', 'The EPUB cannot be opened: it is not a readable zip archive');
  }
  if (zip.file('META-INF/encryption.xml')) throw new ImportError('BROKEN_FILE', 'The EPUB is encrypted (DRM): Tall can only read open EPUB files');
  const container = await zip.file('META-INF/container.xml')?.async('string');
  if (!container) throw new ImportError('BROKEN_FILE', 'The EPUB has no META-INF/container.xml');
  const rootPath = (xml.parse(container)?.container?.rootfiles?.rootfile?.[0]?.['full-path'] as string | undefined) ?? '';
  const opfText = rootPath ? await zip.file(rootPath)?.async('string') : undefined;
  if (!opfText) throw new ImportError('BROKEN_FILE', `The EPUB's package document ${rootPath || '(not named)'} is missing`);
  const opf = xml.parse(opfText)?.package;
  const base = rootPath.includes('/') ? rootPath.slice(0, rootPath.lastIndexOf('/') + 1) : '';
  const manifest = new Map<string, { href: string; type: string; properties?: string }>(
    ((opf?.manifest?.item ?? []) as Array<{ id: string; href: string; 'media-type': string; properties?: string }>).map((item) => [item.id, { href: item.href, type: item['media-type'], properties: item.properties }]),
  );
  const spine = ((opf?.spine?.itemref ?? []) as Array<{ idref: string; linear?: string }>).filter((ref) => ref.linear !== 'no');
  if (spine.length === 0) throw new ImportError('BROKEN_FILE', 'The EPUB lists no documents to read (its spine is empty)');
  const sections: ImportedSection[] = [];
  for (const ref of spine) {
    const item = manifest.get(ref.idref);
    if (!item || !/html/.test(item.type) || item.properties?.includes('nav')) continue;
    const document = await zip.file(decodeURIComponent(base + item.href))?.async('string');
    if (document === undefined) throw new ImportError('BROKEN_FILE', `The EPUB's document ${item.href} is missing`);
    const section = readXhtml(document);
    if (section.body) sections.push(section);
  }
  const titles = (opf?.metadata?.title ?? []) as Array<string | { '#text': string }>;
  const title = titles.map((entry) => (typeof entry === 'string' ? entry : entry['#text'])).find((entry) => entry?.trim())?.trim() ?? fallbackTitle;
  return finish({ format: 'epub', title, sections, encoding: 'UTF-8' });
}

const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br', 'tr', 'dd', 'dt', 'section', 'article']);
const SKIPPED = new Set(['script', 'style', 'head', 'nav', 'aside', 'sup', 'rt', 'rp']);

/** A chapter's text, paragraph by paragraph, and its first heading. */
function readXhtml(document: string): ImportedSection {
  const paragraphs: string[] = [];
  let current = '';
  let skipping = 0;
  let heading: string | null = null;
  let inHeading = false;
  let headingText = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        if (BLOCKS.has(name)) flush();
        if (/^h[1-3]$/.test(name) && heading === null) {
          inHeading = true;
          headingText = '';
        }
      },
      ontext(text) {
        if (skipping > 0) return;
        current += text;
        if (inHeading) headingText += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (BLOCKS.has(name)) flush();
        if (inHeading && /^h[1-3]$/.test(name)) {
          inHeading = false;
          heading = headingText.replace(/\s+/g, ' ').trim() || null;
        }
      },
    },
    { decodeEntities: true, xmlMode: false },
  );
  parser.write(document);
  parser.end();
  flush();
  const body = paragraphs.filter((paragraph) => paragraph !== heading);
  return { title: heading, body: cleanText(body.join('\n\n')) };
}

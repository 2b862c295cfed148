import iconv from 'iconv-lite';
import { epubFixture } from '@tall/platform/testing';
import { cleanText, importFile, importPasted, ImportError, MAX_IMPORT_BYTES } from './text-import';

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the import was accepted');
}

const epub = epubFixture;

describe('importing a text', () => {
  it('cleans pasted text: one kind of line break, no control characters, at most one empty line', () => {
    expect(cleanText('Eerste regel.\r\nTweede\u0000 regel.  \r\n\r\n\r\n\r\nNieuwe\talinea.\u200b')).toBe('Eerste regel.\nTweede regel.\n\nNieuwe alinea.');
    expect(importPasted('  Mijn tekst ', 'Hallo.\n\nDag.')).toEqual({ format: 'pasted', title: 'Mijn tekst', sections: [{ title: null, body: 'Hallo.\n\nDag.' }], encoding: 'UTF-8' });
  });

  it('reads .txt in UTF-8, UTF-16 with a byte-order mark, and the old Windows encoding', async () => {
    const dutch = 'Eén café op het terras, één crème brûlée.\n\nHet was een gezellige avond.';
    expect(await importFile({ name: 'utf8.txt', bytes: Buffer.from(dutch, 'utf8') })).toMatchObject({ encoding: 'UTF-8', title: 'utf8', sections: [{ body: dutch }] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(dutch, 'utf16le')]);
    expect(await importFile({ name: 'utf16.txt', bytes: utf16 })).toMatchObject({ encoding: 'UTF-16LE', sections: [{ body: dutch }] });
    const windows = iconv.encode(`${dutch} Één keer per week gaat hij naar de markt, want daar is het goedkoper dan in de winkel.`, 'windows-1252');
    const read = await importFile({ name: 'oud_bestand.txt', bytes: windows });
    expect(read.encoding).not.toBe('UTF-8');
    expect(read.sections[0].body).toContain('Eén café op het terras, één crème brûlée.');
    expect(read.title).toBe('oud bestand');
  });

  it('reads SubRip and WebVTT subtitles as text, without timings, numbers and markup, a paragraph per pause', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,500\n<i>Goedemorgen!</i>\n\n2\n00:00:04,000 --> 00:00:06,000\n- Hoe gaat het?\n- Goed, dank je.\n\n3\n00:00:20,000 --> 00:00:22,000\nTot morgen.\n';
    expect(await importFile({ name: 'les.srt', bytes: Buffer.from(srt) })).toMatchObject({
      format: 'srt',
      sections: [{ body: 'Goedemorgen! Hoe gaat het? Goed, dank je.\n\nTot morgen.' }],
    });
    const vtt = 'WEBVTT\n\nNOTE gemaakt voor de les\n\n00:01.000 --> 00:03.000 align:start\n<v Anna>Waar is het station?</v>\n\nuitleg\n00:03.500 --> 00:05.000\nDaar, <c.geel>rechtdoor</c>.\n';
    expect(await importFile({ name: 'les.vtt', bytes: Buffer.from(vtt) })).toMatchObject({ format: 'vtt', sections: [{ body: 'Waar is het station? Daar, rechtdoor.' }] });
  });

  it('reads an EPUB: its chapters become sections with their headings, in the spine’s order; navigation is left out', async () => {
    const bytes = await epub(
      [
        { file: 'een.xhtml', html: '<html><head><title>x</title><style>p{}</style></head><body><h1>Hoofdstuk 1</h1><p>Anna woont in <b>Utrecht</b>.</p><p>Ze werkt in een&nbsp;bakkerij.</p></body></html>' },
        { file: 'twee.xhtml', html: '<html><body><h2>Hoofdstuk 2</h2><div><p>Op zaterdag fietst ze naar de markt.</p></div></body></html>' },
      ],
      { title: 'Anna in Utrecht', nav: true },
    );
    expect(await importFile({ name: 'anna.epub', bytes })).toEqual({
      format: 'epub',
      title: 'Anna in Utrecht',
      encoding: 'UTF-8',
      sections: [
        { title: 'Hoofdstuk 1', body: 'Anna woont in Utrecht.\n\nZe werkt in een bakkerij.' },
        { title: 'Hoofdstuk 2', body: 'Op zaterdag fietst ze naar de markt.' },
      ],
    });
  });

  it('refuses what it cannot read, saying why', async () => {
    expect((await refusal(importFile({ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7 ...') }))).code).toBe('UNSUPPORTED_TYPE');
    expect((await refusal(importFile({ name: 'kapot.epub', bytes: Buffer.from('PK\u0003\u0004 not really a zip') }))).code).toBe('BROKEN_FILE');
    const drm = await refusal(importFile({ name: 'drm.epub', bytes: await epub([{ file: 'a.xhtml', html: '<p>Tekst.</p>' }], { encrypted: true }) }));
    expect(drm).toMatchObject({ code: 'BROKEN_FILE', message: expect.stringMatching(/encrypted/) });
    expect((await refusal(importFile({ name: 'leeg.srt', bytes: Buffer.from('geen ondertitels hier') }))).message).toMatch(/timing line/);
    expect((await refusal(importFile({ name: 'leeg.txt', bytes: Buffer.from('  \n\n ') }))).code).toBe('EMPTY_TEXT');
    expect((await refusal(importFile({ name: 'groot.txt', bytes: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61) }))).code).toBe('TOO_LARGE');
  });
});

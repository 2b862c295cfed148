import JSZip from 'jszip';

/** A small EPUB 3 for tests: the chapters in the spine in order, optionally a navigation document or DRM. */
export async function epubFixture(
  chapters: Array<{ file: string; html: string }>,
  options: { title?: string; encrypted?: boolean; nav?: boolean } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  zip.file(
    'META-INF/container.xml',
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  );
  if (options.encrypted) zip.file('META-INF/encryption.xml', '<encryption/>');
  const items = chapters.map((chapter, index) => `<item id="c${index}" href="${chapter.file}" media-type="application/xhtml+xml"/>`).join('');
  const nav = options.nav ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : '';
  const spine = [...(options.nav ? ['<itemref idref="nav"/>'] : []), ...chapters.map((_, index) => `<itemref idref="c${index}"/>`)].join('');
  zip.file(
    'OEBPS/content.opf',
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${options.title ?? 'Een boek'}</dc:title></metadata><manifest>${nav}${items}</manifest><spine>${spine}</spine></package>`,
  );
  if (options.nav) zip.file('OEBPS/nav.xhtml', '<html><body><nav><ol><li>Hoofdstuk 1</li></ol></nav></body></html>');
  for (const chapter of chapters) zip.file(`OEBPS/${chapter.file}`, chapter.html);
  return zip.generateAsync({ type: 'nodebuffer' });
}

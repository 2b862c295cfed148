import { Inject, Injectable } from '@nestjs/common';
import { readerErrors } from '../reader-error';
import { LIBRARY_STORE, OWN_TEXT_STORE, type LibraryStore, type OwnTextStore, type StoredText } from '../ports/text-stores.port';

/** The texts a student may read: the library's and their own. Another student's text does not exist for them (404). */
@Injectable()
export class ReadableTexts {
  constructor(
    @Inject(LIBRARY_STORE) private readonly library: LibraryStore,
    @Inject(OWN_TEXT_STORE) private readonly own: OwnTextStore,
  ) {}

  async get(id: string, userId: string): Promise<StoredText> {
    const text = (await this.library.get(id)) ?? (await this.own.get(id));
    if (!text || (text.ownerId !== null && text.ownerId !== userId)) throw readerErrors.textNotFound();
    return text;
  }

  async all(userId: string): Promise<StoredText[]> {
    const [own, library] = await Promise.all([this.own.listOf(userId), this.library.list()]);
    return [...own, ...library];
  }
}

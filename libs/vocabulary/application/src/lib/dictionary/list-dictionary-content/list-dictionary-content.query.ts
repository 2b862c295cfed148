import { Query } from '@nestjs/cqrs';
import type { RemoteCallResult } from '@tall/platform/call-contracts';
import type { ListDictionaryContent } from '@tall/vocabulary/contracts';

export type DictionaryContentList = RemoteCallResult<typeof ListDictionaryContent>;

/** Every topic and word with its content, archived ones too (`vocabulary.listDictionaryContent`). */
export class ListDictionaryContentQuery extends Query<DictionaryContentList> {}

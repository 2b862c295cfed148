import { Query } from '@nestjs/cqrs';
import type { DisplayName, PiiPurpose } from '@tall/pii/contracts';
import type { Reader } from '@tall/pii/domain';

/** `pii.getDisplayNames`: the names the reader may see; the rest is left out. Each name read is audited. */
export class GetDisplayNamesQuery extends Query<DisplayName[]> {
  constructor(
    readonly reader: Reader,
    readonly userIds: readonly string[],
    readonly purpose: PiiPurpose,
  ) {
    super();
  }
}

import type { ContentOwner, ContentOwners } from '@tall/admin/application';
import type { ContentKind } from '@tall/admin/contracts';

/** Each kind's owner; kinds whose owner has no admin contract yet have none. */
export class ContentOwnerRegistry implements ContentOwners {
  constructor(private readonly owners: readonly ContentOwner[]) {}

  ownerOf(kind: ContentKind): ContentOwner | null {
    return this.owners.find((owner) => owner.kinds.includes(kind)) ?? null;
  }

  all(): readonly ContentOwner[] {
    return this.owners;
  }
}

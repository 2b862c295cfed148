import type { Collection, Db } from 'mongodb';
import { applyOnce, trimInbox, type InboxEntry } from '@tall/platform/events';
import type { LobbyStore } from '@tall/lobby/application';
import type { NavigationContext } from '@tall/lobby/domain';
import type { ProductKey } from '@tall/lobby/contracts';
import type { UserRole } from '@tall/profile/contracts';

interface MemberDocument {
  _id: string;
  role: UserRole;
  updatedAt: Date;
  _inbox?: InboxEntry[];
}

interface NavigationDocument {
  _id: string;
  product: ProductKey;
  location: string;
  at: Date;
}

/**
 * Two collections so that the event handler (roles) and the user's own requests (where they
 * left off) never write the same document: FerretDB does not make concurrent updates of one
 * document atomic.
 */
export class MongoLobbyStore implements LobbyStore {
  private readonly members: Collection<MemberDocument>;
  private readonly navigation: Collection<NavigationDocument>;

  constructor(db: Db) {
    this.members = db.collection<MemberDocument>('members');
    this.navigation = db.collection<NavigationDocument>('navigation');
  }

  async roleOf(userId: string): Promise<UserRole | null> {
    const member = await this.members.findOne({ _id: userId }, { projection: { role: 1 } });
    return member?.role ?? null;
  }

  learnRole(userId: string, role: UserRole, event: { id: string; handler: string }): Promise<boolean> {
    return applyOnce(this.members, { _id: userId }, { $set: { role, updatedAt: new Date() } }, { eventId: event.id, handler: event.handler, upsert: true });
  }

  async forget(userId: string): Promise<void> {
    await Promise.all([this.members.deleteOne({ _id: userId }), this.navigation.deleteOne({ _id: userId })]);
  }

  async context(userId: string): Promise<NavigationContext | null> {
    const document = await this.navigation.findOne({ _id: userId });
    return document ? { product: document.product, location: document.location, at: document.at } : null;
  }

  async saveContext(userId: string, context: NavigationContext): Promise<void> {
    await this.navigation.updateOne({ _id: userId }, { $set: { product: context.product, location: context.location, at: context.at } }, { upsert: true });
  }

  /** Inbox entries are kept 30 days (longer than any redelivery), then trimmed. */
  trimInbox(now = new Date()): Promise<number> {
    return trimInbox(this.members, new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000));
  }
}

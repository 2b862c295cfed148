import { randomUUID } from 'node:crypto';
import { MongoServerError, type Collection, type Db } from 'mongodb';

export const RELAY_LEASES_COLLECTION = '_relay_leases';

interface LeaseSlot {
  _id: string;
  source: string;
  slot: number;
  owner: string;
  takenAt: Date;
}

/**
 * Exclusive right to drain one MongoDB outbox, in time slots of `slotMs`: whoever inserts the
 * slot's document `<source>#<slot>` first holds it, and the holder inserts the next slot's
 * document before that slot starts, so it keeps the lease while alive. A dead holder's lease
 * passes on within two slots; stop() releases it at once.
 *
 * Why inserts and not findOneAndUpdate on an expiry: FerretDB 1.24 does not apply a
 * conditional update atomically (ten concurrent findOneAndUpdate calls on one expired lease
 * all "won"), while a duplicate _id insert fails reliably on both FerretDB and MongoDB.
 * Clocks of the instances must agree within a third of a slot.
 */
export class MongoRelayLease {
  readonly owner = randomUUID();
  private readonly slots: Collection<LeaseSlot>;
  private readonly held = new Set<number>();
  private lastCleanup = 0;

  constructor(
    db: Db,
    readonly source: string,
    private readonly slotMs = 10_000,
  ) {
    this.slots = db.collection<LeaseSlot>(RELAY_LEASES_COLLECTION);
  }

  /** True while this instance holds the current slot (taking it when free). */
  async acquire(now = Date.now()): Promise<boolean> {
    const slot = Math.floor(now / this.slotMs);
    for (const held of this.held) if (held < slot) this.held.delete(held);
    if (!this.held.has(slot) && !(await this.take(slot))) return false;
    const renewFrom = (slot + 1) * this.slotMs - this.slotMs / 3;
    if (now >= renewFrom && !this.held.has(slot + 1)) await this.take(slot + 1);
    if (now - this.lastCleanup > 10 * this.slotMs) {
      this.lastCleanup = now;
      await this.slots.deleteMany({ source: this.source, slot: { $lt: slot - 2 } });
    }
    return true;
  }

  /** Lets another instance take over at once instead of waiting for the slot to end. */
  async release(): Promise<void> {
    this.held.clear();
    await this.slots.deleteMany({ source: this.source, owner: this.owner });
  }

  private async take(slot: number): Promise<boolean> {
    try {
      await this.slots.insertOne({ _id: `${this.source}#${slot}`, source: this.source, slot, owner: this.owner, takenAt: new Date() });
      this.held.add(slot);
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }
}

import type { Lease, LeaseStore } from './lease-store';

/** For unit tests and single-process tools: leases shared by everything holding this object. */
export class InMemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly now: () => number = Date.now) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    const existing = this.leases.get(name);
    if (existing && existing.holder !== holder && existing.expiresAt.getTime() > this.now()) return null;
    const lease = { name, holder, expiresAt: new Date(this.now() + ttlMs) };
    this.leases.set(name, lease);
    return { ...lease };
  }

  async renew(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    const existing = this.leases.get(name);
    if (!existing || existing.holder !== holder || existing.expiresAt.getTime() <= this.now()) return null;
    existing.expiresAt = new Date(this.now() + ttlMs);
    return { ...existing };
  }

  async release(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }
}

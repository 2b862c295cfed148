import { z } from 'zod';
import type { EventContract } from './event-contract';

export type JsonSchema = Record<string, unknown>;

export interface RegisteredSchema {
  type: string;
  version: number;
  topic: string;
  description: string;
  jsonSchema: JsonSchema;
}

/** Every event contract of the system, by type and version. */
export class EventRegistry {
  private readonly contracts = new Map<string, EventContract>();

  constructor(contracts: readonly EventContract[] = []) {
    contracts.forEach((contract) => this.register(contract));
  }

  register(contract: EventContract): void {
    const id = EventRegistry.id(contract.type, contract.version);
    const existing = this.contracts.get(id);
    if (existing && existing !== contract) {
      throw new Error(`Event ${id} is registered twice`);
    }
    this.contracts.set(id, contract);
  }

  get(type: string, version: number): EventContract | undefined {
    return this.contracts.get(EventRegistry.id(type, version));
  }

  all(): EventContract[] {
    return [...this.contracts.values()].sort(
      (a, b) => a.type.localeCompare(b.type) || a.version - b.version,
    );
  }

  topics(): string[] {
    return [...new Set(this.all().map((contract) => contract.topic))].sort();
  }

  /** JSON Schemas, the form kept in the committed snapshot and sent to a schema registry. */
  schemas(): RegisteredSchema[] {
    return this.all().map((contract) => ({
      type: contract.type,
      version: contract.version,
      topic: contract.topic,
      description: contract.description,
      jsonSchema: z.toJSONSchema(contract.schema, { io: 'input' }) as JsonSchema,
    }));
  }

  private static id(type: string, version: number): string {
    return `${type}@v${version}`;
  }
}

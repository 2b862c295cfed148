import { Schema, type SchemaDefinition } from 'mongoose';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_SEQ_FIELD } from './mongo-outbox';

/**
 * The outbox paths for a mongoose schema of a collection whose documents publish events. A
 * strict schema without them would silently drop the `_outbox` that `withOutbox` adds to an
 * update, and the event with it. Spread into the schema definition:
 *
 *   new Schema({ ...fields, ...outboxSchemaFields() })
 */
export function outboxSchemaFields(): SchemaDefinition {
  return {
    // Envelopes are stored in their JSON form (see withOutbox): no casting.
    [OUTBOX_FIELD]: { type: [Schema.Types.Mixed], default: undefined },
    [OUTBOX_PENDING_FIELD]: { type: Boolean, default: undefined },
    [OUTBOX_SEQ_FIELD]: { type: Number, default: undefined },
  };
}

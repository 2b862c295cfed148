import { EventRegistry, type EventContract } from '@tall/platform/event-contracts';
import { PII_EVENT_CONTRACTS } from '@tall/pii/contracts';
import { PROFILE_EVENT_CONTRACTS } from '@tall/profile/contracts';
import { READER_EVENT_CONTRACTS } from '@tall/reader/contracts';
import { LISTENING_EVENT_CONTRACTS } from '@tall/listening/contracts';
import { EXERCISE_EVENT_CONTRACTS } from '@tall/exercises/contracts';
import { SYSTEM_EVENT_CONTRACTS } from '@tall/system/contracts';
import { VOCABULARY_EVENT_CONTRACTS } from '@tall/vocabulary/contracts';
import { CONTENT_EVENT_CONTRACTS } from '@tall/admin/contracts';

/** Every integration event of every context: the registry the contract test and the schema registry read. */
export const ALL_EVENT_CONTRACTS: readonly EventContract[] = [
  ...SYSTEM_EVENT_CONTRACTS,
  ...PROFILE_EVENT_CONTRACTS,
  ...PII_EVENT_CONTRACTS,
  ...VOCABULARY_EVENT_CONTRACTS,
  ...READER_EVENT_CONTRACTS,
  ...LISTENING_EVENT_CONTRACTS,
  ...EXERCISE_EVENT_CONTRACTS,
  ...CONTENT_EVENT_CONTRACTS,
];

export const eventRegistry = new EventRegistry(ALL_EVENT_CONTRACTS);

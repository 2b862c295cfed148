// Vitest setup for the web client's unit tests (jsdom): IndexedDB for the offline queue.
import 'fake-indexeddb/auto';

// IndexedDB for the offline review queue's tests.
import 'fake-indexeddb/auto';

// Integration tests talk to real servers; `testTimeout` is not a per-project option in Jest.
jest.setTimeout(120_000);

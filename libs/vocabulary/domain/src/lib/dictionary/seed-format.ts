// The seed helper replaces this placeholder with the zod schema of the seed dictionary's files.
export {};

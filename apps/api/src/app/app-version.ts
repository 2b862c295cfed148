// Kept in step with package.json by a unit test (app-version.spec.ts).
export const APP_VERSION = '0.1.0';

export * from './lib/password-rules';
export * from './lib/login-lockout';
export * from './lib/user-account';
export * from './lib/administration-policy';
export * from './lib/session-rules';
export * from './lib/domain-errors';

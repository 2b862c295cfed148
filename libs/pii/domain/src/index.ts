export * from './lib/pii-error';
export * from './lib/pii-integrity-error';
export { KEY_BYTES, NONCE_BYTES, TAG_BYTES } from './lib/aes-gcm';
export * from './lib/data-key';
export * from './lib/field-cipher';
export * from './lib/read-policy';
export * from './lib/rotation-policy';
export * from './lib/personal-fields';
export * from './lib/birth-date';

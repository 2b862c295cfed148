import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'rt_';

/**
 * Refresh tokens are 256 random bits; only their SHA-256 is stored. A slow hash would add
 * nothing: the token cannot be guessed, unlike a password.
 */
export const RefreshTokenCodec = {
  generate(): { token: string; hash: string } {
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    return { token, hash: RefreshTokenCodec.hash(token) };
  },
  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  },
};

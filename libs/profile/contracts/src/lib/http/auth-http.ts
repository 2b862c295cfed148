import { z } from 'zod';
import { emailAddress, typedText } from '@tall/platform/text';
import { UserIdSchema, UserRoleSchema } from '../roles';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const email = emailAddress();
const deviceId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits and . _ : - only (up to 128)');
export const NewPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
/** A refresh token as handed out: opaque, URL-safe. */
const refreshToken = z.string().min(1).max(512);

export const RegisterRequestSchema = z.strictObject({
  email,
  password: NewPasswordSchema,
  firstName: typedText({ min: 1, max: 100 }),
  lastName: typedText({ min: 1, max: 100 }),
  birthDate: z.iso.date().optional(),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as nl or nl-NL').optional(),
  deviceId: deviceId.optional(),
  deviceName: typedText({ min: 1, max: 100 }).optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const LoginRequestSchema = z.strictObject({
  email,
  // Not the new-password rules: an old password may be shorter; a wrong one simply fails.
  password: z.string().min(1).max(1024),
  deviceId: deviceId.optional(),
  deviceName: typedText({ min: 1, max: 100 }).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/**
 * The web client holds its refresh token in this cookie (HttpOnly, Secure, SameSite=Strict, on the
 * auth path) instead of in the body; native clients keep the body form.
 */
export const REFRESH_TOKEN_COOKIE = 'tall_refresh';
/** The name of that cookie's security scheme in the OpenAPI document. */
export const REFRESH_TOKEN_COOKIE_SCHEME = 'refreshCookie';
/** With the cookie, refresh and logout also need this header: the CSRF token of the cookie's refresh token. */
export const CSRF_TOKEN_HEADER = 'X-CSRF-Token';

// The token is optional: the web client sends `{}` and lets the cookie carry it.
export const RefreshRequestSchema = z.strictObject({
  refreshToken: refreshToken.optional().describe(`Native clients; the web client sends {} and the ${REFRESH_TOKEN_COOKIE} cookie`),
});
export const LogoutRequestSchema = z.strictObject({
  refreshToken: refreshToken.optional().describe(`Native clients; the web client sends {} and the ${REFRESH_TOKEN_COOKIE} cookie`),
});

export const AuthResponseSchema = z.object({
  user: z.object({ id: UserIdSchema, role: UserRoleSchema }),
  accessToken: z.string(),
  refreshToken: z.string().optional().describe(`Native clients only: the web client (X-Client-Platform: web) gets it in the ${REFRESH_TOKEN_COOKIE} cookie`),
  csrfToken: z.string().optional().describe(`Web client only: send it as ${CSRF_TOKEN_HEADER} with the cookie to refresh and logout`),
  /** Seconds. */
  accessTokenExpiresIn: z.int(),
});
/** The answer on the wire: the refresh token in the body (native clients) or a CSRF token (web). */
export type AuthResponseBody = z.infer<typeof AuthResponseSchema>;
/** What sign-up, sign-in and refresh issue: always the refresh token; the HTTP layer decides where it goes. */
export type AuthResponse = Omit<AuthResponseBody, 'refreshToken' | 'csrfToken'> & { refreshToken: string };

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPasswordSchema,
});

export const SessionViewSchema = z.object({
  id: z.uuid(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  /** The session of the access token making this request. */
  current: z.boolean(),
});
export const SessionListSchema = z.object({ items: z.array(SessionViewSchema) });
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SessionParamsSchema = z.strictObject({ id: z.uuid() });

import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentPrincipal, JwtKeys, Public, type Principal, type PublicJwk } from '@tall/platform/auth';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ChangePasswordCommand,
  ListSessionsQuery,
  LoginCommand,
  LogoutAllCommand,
  LogoutCommand,
  RefreshSessionCommand,
  RegisterCommand,
  RevokeSessionCommand,
} from '@tall/profile/application';
import {
  CSRF_TOKEN_HEADER,
  REFRESH_TOKEN_COOKIE,
  REFRESH_TOKEN_COOKIE_SCHEME,
  type AuthResponse,
  type AuthResponseBody,
  type SessionView,
} from '@tall/profile/contracts';
import { ProfileError, REFRESH_TOKEN_TTL_MS } from '@tall/profile/domain';
import { AuthRateLimitGuard, SignInAccountRateLimitGuard } from './auth-rate-limit';
import {
  AuthResponseDto,
  ChangePasswordDto,
  JwksDto,
  LoginDto,
  LogoutDto,
  RefreshDto,
  RegisterDto,
  SessionListDto,
  SessionParamsDto,
} from './profile-dtos';
import { ProfileErrorMapper } from './profile-error.mapper';
import {
  clearRefreshCookie,
  csrfTokenFor,
  hasRefreshCookie,
  isWebClient,
  REFRESH_COOKIE_PATH,
  refreshTokenFromCookie,
  setRefreshCookie,
} from './refresh-cookie';

// How the web client's refresh cookie shows in the OpenAPI document (see refresh-cookie.ts for the design).
const WEB_CLIENT = 'the web client (X-Client-Platform: web)';
const SETS_REFRESH_COOKIE = {
  'Set-Cookie': {
    description: `For ${WEB_CLIENT}: ${REFRESH_TOKEN_COOKIE}=<refresh token>; Max-Age=${REFRESH_TOKEN_TTL_MS / 1000}; Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict (the body then has csrfToken instead of refreshToken)`,
    schema: { type: 'string' },
  },
};
const CLEARS_REFRESH_COOKIE = {
  'Set-Cookie': { description: `For ${WEB_CLIENT}, or when the ${REFRESH_TOKEN_COOKIE} cookie came: clears it (Max-Age=0)`, schema: { type: 'string' } },
};
const CSRF_HEADER_DOC = {
  name: CSRF_TOKEN_HEADER,
  required: false,
  description: `Needed with the ${REFRESH_TOKEN_COOKIE} cookie (when the body has no refreshToken): the csrfToken of the last sign-in or refresh`,
};
const CSRF_FAILED = `CSRF_FAILED: the ${REFRESH_TOKEN_COOKIE} cookie came without its ${CSRF_TOKEN_HEADER}, or with another`;

/**
 * Sign-up, sign-in and sessions. Refresh tokens reach clients in one of two ways:
 * - native clients (Android, desktop, or no X-Client-Platform) get them in the body and send them
 *   back in the body of refresh and logout;
 * - the web client (X-Client-Platform: web) gets them as an HttpOnly, Secure, SameSite=Strict
 *   cookie on /api/v1/auth, out of reach of its scripts, plus a CSRF token in the body. Refresh and
 *   logout read the cookie when the body has no token, and only together with that CSRF token in
 *   X-CSRF-Token (an HMAC keyed by the refresh token, so it rotates with it): another site can make
 *   a browser send the cookie, but it cannot read or compute the token, nor set the header.
 *   Missing or wrong: 403 CSRF_FAILED, before the token is touched. Details in refresh-cookie.ts.
 */
@ApiTags('auth')
@Controller('auth')
@UseInterceptors(ProfileErrorMapper)
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly keys: JwtKeys,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Create a STUDENT account (when REGISTRATION=open) and sign in; 409 EMAIL_TAKEN' })
  @ApiCreatedResponse({ type: AuthResponseDto, headers: SETS_REFRESH_COOKIE })
  @ApiForbiddenResponse({ description: 'REGISTRATION_CLOSED: accounts are made by admins here' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN: an account has this email' })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_TOO_COMMON, or BIRTH_DATE_OUT_OF_RANGE (before 1900-01-01 or after today)' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  async register(@Body() body: RegisterDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponseBody> {
    return this.answer(await this.commands.execute(new RegisterCommand(body)), request, reply);
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  // Per address first: a flood from one client does not use up the account's budget.
  @UseGuards(AuthRateLimitGuard, SignInAccountRateLimitGuard)
  @ApiOperation({ summary: 'Sign in; 401 INVALID_CREDENTIALS, 429 ACCOUNT_LOCKED after 5 failures in 15 minutes' })
  @ApiOkResponse({ type: AuthResponseDto, headers: SETS_REFRESH_COOKIE })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS: no account has this email, or the password is not its password' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_DISABLED' })
  @ApiTooManyRequestsResponse({ description: 'ACCOUNT_LOCKED or RATE_LIMITED, with Retry-After' })
  async signIn(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponseBody> {
    return this.answer(await this.commands.execute(new LoginCommand(body)), request, reply);
  }

  /**
   * The token comes in the body (native clients) or, when the body has none, in the cookie, which
   * counts only with its CSRF token in the header (refresh-cookie.ts). The body wins: a web client
   * still holding a token from before the cookie trades it once for a cookie.
   */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair; the old one is spent (reuse ends the session)',
    description: `Native clients send { refreshToken }. The web client sends {}, the ${REFRESH_TOKEN_COOKIE} cookie and ${CSRF_TOKEN_HEADER}, and gets the new token as that cookie.`,
  })
  @ApiSecurity({})
  @ApiCookieAuth(REFRESH_TOKEN_COOKIE_SCHEME)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({ type: AuthResponseDto, headers: SETS_REFRESH_COOKIE })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID (unknown, expired, ended or none sent) or REFRESH_TOKEN_REUSED (a spent one: the session is ended)' })
  @ApiForbiddenResponse({ description: `${CSRF_FAILED}; or ACCOUNT_DISABLED` })
  async refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponseBody> {
    const fromCookie = body.refreshToken === undefined;
    const refreshToken = body.refreshToken ?? refreshTokenFromCookie(request);
    if (!refreshToken) throw new ProfileError('REFRESH_TOKEN_INVALID', 'No refresh token was sent: sign in again');
    try {
      return this.answer(await this.commands.execute(new RefreshSessionCommand(refreshToken)), request, reply);
    } catch (error) {
      // A spent, expired or ended token is of no further use: the browser may drop the cookie.
      if (fromCookie && error instanceof ProfileError && error.code.startsWith('REFRESH_TOKEN')) clearRefreshCookie(reply);
      throw error;
    }
  }

  /** The session of the body's token, or of the cookie's (with its CSRF token, as for refresh). */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'End the session of this refresh token',
    description: `Native clients send { refreshToken }; the web client sends {}, the ${REFRESH_TOKEN_COOKIE} cookie and ${CSRF_TOKEN_HEADER}. Without either, nothing ends.`,
  })
  @ApiSecurity({ bearer: [], [REFRESH_TOKEN_COOKIE_SCHEME]: [] })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({ headers: CLEARS_REFRESH_COOKIE })
  @ApiForbiddenResponse({ description: CSRF_FAILED })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Body() body: LogoutDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const refreshToken = body.refreshToken ?? refreshTokenFromCookie(request);
    if (refreshToken) await this.commands.execute(new LogoutCommand(principal, refreshToken));
    if (isWebClient(request) || hasRefreshCookie(request)) clearRefreshCookie(reply);
  }

  @Post('logout-all')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End every session of the signed-in user' })
  @ApiNoContentResponse({ headers: CLEARS_REFRESH_COOKIE })
  async logoutAll(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.commands.execute(new LogoutAllCommand(principal));
    if (isWebClient(request) || hasRefreshCookie(request)) clearRefreshCookie(reply);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: "The signed-in user's live sessions (device, created, last used)" })
  @ApiOkResponse({ type: SessionListDto })
  async listSessions(@CurrentPrincipal() principal: Principal): Promise<{ items: SessionView[] }> {
    return { items: await this.queries.execute(new ListSessionsQuery(principal)) };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End one of your own sessions' })
  @ApiNoContentResponse()
  async revokeSession(@CurrentPrincipal() principal: Principal, @Param() params: SessionParamsDto): Promise<void> {
    await this.commands.execute(new RevokeSessionCommand(principal, params.id));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Change your password; every other session ends' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'CURRENT_PASSWORD_INCORRECT' })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_TOO_COMMON' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.commands.execute(new ChangePasswordCommand(principal, body.currentPassword, body.newPassword));
  }

  @Get('jwks')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  @ApiOkResponse({ type: JwksDto })
  jwks(): { keys: PublicJwk[] } {
    return this.keys.jwks();
  }

  /** Native clients get the pair in the body; the web client gets the refresh token as a cookie and its CSRF token in the body. */
  private answer(auth: AuthResponse, request: FastifyRequest, reply: FastifyReply): AuthResponseBody {
    if (!isWebClient(request)) return auth;
    const { refreshToken, ...rest } = auth;
    setRefreshCookie(reply, refreshToken);
    return { ...rest, csrfToken: csrfTokenFor(refreshToken) };
  }
}

import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
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
import type { AuthResponse, SessionView } from '@tall/profile/contracts';
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
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return this.commands.execute(new RegisterCommand(body));
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  // Per address first: a flood from one client does not use up the account's budget.
  @UseGuards(AuthRateLimitGuard, SignInAccountRateLimitGuard)
  @ApiOperation({ summary: 'Sign in; 401 INVALID_CREDENTIALS, 429 ACCOUNT_LOCKED after 5 failures in 15 minutes' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiTooManyRequestsResponse({ description: 'ACCOUNT_LOCKED or RATE_LIMITED, with Retry-After' })
  signIn(@Body() body: LoginDto): Promise<AuthResponse> {
    return this.commands.execute(new LoginCommand(body));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent (reuse ends the session)' })
  @ApiOkResponse({ type: AuthResponseDto })
  refresh(@Body() body: RefreshDto): Promise<AuthResponse> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End the session of this refresh token' })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal, @Body() body: LogoutDto): Promise<void> {
    await this.commands.execute(new LogoutCommand(principal, body.refreshToken));
  }

  @Post('logout-all')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End every session of the signed-in user' })
  @ApiNoContentResponse()
  async logoutAll(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.commands.execute(new LogoutAllCommand(principal));
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
}

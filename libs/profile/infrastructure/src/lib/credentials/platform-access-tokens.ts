import { Injectable } from '@nestjs/common';
import { AccessTokenIssuer } from '@tall/platform/auth';
import type { Principal } from '@tall/platform/identity';
import type { AccessTokens, IssuedAccessToken } from '@tall/profile/application';

/** Access tokens signed with the platform's JWT keys: profile is the one context that issues them. */
@Injectable()
export class PlatformAccessTokens implements AccessTokens {
  constructor(private readonly issuer: AccessTokenIssuer) {}

  issue(principal: Principal): Promise<IssuedAccessToken> {
    return this.issuer.issue(principal);
  }
}

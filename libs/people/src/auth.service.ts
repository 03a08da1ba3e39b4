import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, InvalidInputError, UnauthorizedError } from '@app/domain';
import { AppConfig } from '@app/config';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './passwords';
import { ChangePasswordDto, LoginDto, TokensDto, UserDto } from './people.dto';
import { Credentials } from './people.repository';
import { PeopleService } from './people.service';
import { VerifiedTokens } from './verified-tokens';

/** Audiences keep the two kinds of token apart: a refresh token is never accepted as an access token. */
export const ACCESS_AUDIENCE = 'pot-api';
export const REFRESH_AUDIENCE = 'pot-refresh';
export const TOKEN_ISSUER = 'patient-online-tracker';

/** The same answer for an unknown address, a wrong password and an inactive account. */
export const WRONG_CREDENTIALS = 'The e-mail address or password is not right';

interface TokenClaims {
  sub: string;
  /** The user's token version when issued: raising it ends every earlier token. */
  ver: number;
  exp?: number;
}

/** Sign-in, token refresh and the per-request check of a token (DESIGN.md "People"). */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly verified = new VerifiedTokens<TokenClaims & { exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly passwords: PasswordHasher,
    private readonly attempts: LoginAttempts,
  ) {}

  async login(dto: LoginDto): Promise<TokensDto> {
    await this.attempts.begin(dto.email);
    const user = await this.people.credentialsByEmail(dto.email);
    // Unknown addresses cost one argon2 check too, so timing does not reveal which accounts exist.
    const passwordOk = user
      ? await this.passwords.verify(user.passwordHash, dto.password)
      : await this.passwords.verifyNobody(dto.password);
    if (!user || !passwordOk || !user.active) {
      this.logger.warn({ userId: user?.id ?? null }, 'Sign-in refused');
      throw new UnauthorizedError(WRONG_CREDENTIALS);
    }
    await this.attempts.succeeded(dto.email);
    if (this.passwords.needsRehash(user.passwordHash)) await this.people.rehash(user.id, dto.password);
    this.logger.log({ userId: user.id }, 'Signed in');
    return this.issueTokens(user);
  }

  /** A new pair of tokens for a valid refresh token of a user who is still active. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const user = await this.check(refreshToken, REFRESH_AUDIENCE);
    return this.issueTokens(user);
  }

  /** The access guard's check: signature, expiry, audience, then the user row (active, token version). */
  async authenticate(accessToken: string): Promise<Actor> {
    const user = await this.check(accessToken, ACCESS_AUDIENCE);
    return { userId: user.id, role: user.role, regionCode: user.regionCode };
  }

  /** Ends every session of the user, on every device. */
  async logout(actor: Actor): Promise<void> {
    await this.people.endSessions(actor.userId);
  }

  /** Ends every session of the user of a refresh token (the web app's sign-out, which may have no access token). */
  async logoutWithRefreshToken(refreshToken: string): Promise<void> {
    const user = await this.check(refreshToken, REFRESH_AUDIENCE);
    await this.people.endSessions(user.id);
  }

  /** The signed-in user changes their own password; their other sessions end, this one gets new tokens. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<TokensDto> {
    const user = await this.people.credentialsById(actor.userId);
    if (!user) throw new UnauthorizedError('This session has ended: sign in again');
    // A stolen token must not allow unlimited guesses at the current password either.
    await this.attempts.begin(user.email);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new InvalidInputError('currentPassword', 'currentPassword is not your current password');
    }
    await this.attempts.succeeded(user.email);
    if (dto.newPassword === dto.currentPassword)
      throw new InvalidInputError('newPassword', 'newPassword must differ from the current one');
    return this.issueTokens(await this.people.changeOwnPassword(actor, dto.newPassword));
  }

  async issueTokens(user: Credentials): Promise<TokensDto> {
    const claims: TokenClaims = { sub: String(user.id), ver: user.tokenVersion };
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(claims, { audience: ACCESS_AUDIENCE, expiresIn: this.config.JWT_TTL_SECONDS }),
      this.jwt.signAsync(claims, { audience: REFRESH_AUDIENCE, expiresIn: this.config.JWT_REFRESH_TTL_SECONDS }),
    ]);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: this.config.JWT_REFRESH_TTL_SECONDS,
      user: await this.people.getUser(user.id),
    };
  }

  me(actor: Actor): Promise<UserDto> {
    return this.people.getUser(actor.userId);
  }

  private async check(token: string, audience: string): Promise<Credentials> {
    const claims = this.verified.get(token, audience) ?? (await this.verify(token, audience));
    const id = Number(claims.sub);
    const user = Number.isSafeInteger(id) && id > 0 ? await this.people.signedInCredentials(id) : undefined;
    if (!user || !user.active || user.tokenVersion !== claims.ver) {
      throw new UnauthorizedError('This session has ended: sign in again');
    }
    return user;
  }

  /** Signature, issuer, audience and expiry; a token that passes is remembered (see VerifiedTokens). */
  private async verify(token: string, audience: string): Promise<TokenClaims & { exp: number }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { audience });
    } catch (err) {
      throw new UnauthorizedError(
        (err as Error).name === 'TokenExpiredError'
          ? 'The token has expired: refresh it or sign in again'
          : 'The token is not valid: sign in again',
      );
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: ours always have one.
    if (typeof claims.exp !== 'number' || typeof claims.ver !== 'number')
      throw new UnauthorizedError('The token is not valid: sign in again');
    const verified = claims as TokenClaims & { exp: number };
    this.verified.remember(token, audience, verified);
    return verified;
  }
}

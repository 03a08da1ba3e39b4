import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '@app/domain';
import { Public } from '@app/http';
import { AuthService, LoginDto, TokensDto } from '@app/people';
import { API_PREFIX } from '../configure-app';
import { ErrorDto, SessionDto } from './session.dto';

export const SESSION_COOKIE = 'pot_session';
/** The cookie goes back only to these routes: no other request carries the refresh token. */
export const SESSION_COOKIE_PATH = `/${API_PREFIX}/auth/session`;

/**
 * Sign-in for the web app: the same AuthService (and the same throttles) as /auth/login, but the refresh
 * token lives in an HttpOnly, Secure, SameSite=Strict cookie on this controller's path, out of reach of
 * the page's scripts. Browsers keep Secure cookies from http://localhost too (docs/web.md).
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Web sign-in: an access token and who I am; the refresh token is set as a cookie' })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'An e-mail address or password missing' })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'Wrong e-mail or password (the same for every cause)' })
  @ApiTooManyRequestsResponse({
    type: ErrorDto,
    description: 'Too many attempts from this address, or too many failures for this account (see Retry-After)',
  })
  async signIn(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    return this.start(reply, await this.auth.login(dto));
  }

  @Post('refresh')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'A new access token for the session cookie, which is replaced by a new one' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'No session, or it has ended (signed out, deactivated)' })
  @ApiTooManyRequestsResponse({ type: ErrorDto })
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new UnauthorizedError('You are not signed in');
    try {
      return this.start(reply, await this.auth.refresh(token));
    } catch (err) {
      if (err instanceof UnauthorizedError) this.clear(reply);
      throw err;
    }
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: "Web sign-out: ends every session of the cookie's user and clears the cookie" })
  @ApiNoContentResponse({ description: 'Also when there was no session to end' })
  async signOut(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = req.cookies[SESSION_COOKIE];
    this.clear(reply);
    if (!token) return;
    await this.auth.logoutWithRefreshToken(token).catch((err) => {
      // An expired or already ended session: nothing left to end.
      if (!(err instanceof UnauthorizedError)) throw err;
    });
  }

  private start(reply: FastifyReply, tokens: TokensDto): SessionDto {
    reply.setCookie(SESSION_COOKIE, tokens.refreshToken, {
      path: SESSION_COOKIE_PATH,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      maxAge: tokens.refreshExpiresIn,
    });
    return {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      expiresIn: tokens.expiresIn,
      user: tokens.user,
    };
  }

  private clear(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' });
  }
}

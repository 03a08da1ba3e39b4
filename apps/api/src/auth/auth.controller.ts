import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, READERS } from '@app/domain';
import { CurrentActor, Public, Roles } from '@app/http';
import { AuthService, LoginDto, RefreshDto, TokensDto } from '@app/people';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password: a short-lived access token and a refresh token' })
  @ApiOkResponse({ type: TokensDto })
  @ApiUnauthorizedResponse({
    description: 'Wrong e-mail or password (the same answer for unknown addresses and inactive accounts)',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address, or too many failures for this account',
  })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @Post('refresh')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new pair of tokens for a refresh token (before it expires, while the account is active)',
  })
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Roles(...READERS)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out everywhere: every token of this user stops working' })
  @ApiNoContentResponse()
  logout(@CurrentActor() actor: Actor) {
    return this.auth.logout(actor);
  }
}

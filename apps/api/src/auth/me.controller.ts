import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, READERS } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import { AuthService, ChangePasswordDto, TokensDto, UserDto } from '@app/people';

/** The signed-in user. Other features add routes under /me (e.g. /me/reminders) in their own controllers. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Who I am: e-mail, name, role and region' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Post('password')
  @Roles(...READERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Change my password: my other sessions end, this one gets new tokens' })
  @ApiOkResponse({ type: TokensDto })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, dto);
  }
}

import { Controller, Get, HttpCode, Param, Post, Query, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, READERS } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import { ListRemindersQuery, MarkedReadDto, ReminderDto, ReminderPageDto, RemindersService } from '@app/reminders';
import { IdPipe } from '../http/id.pipe';

/** The signed-in user's own reminders; every role, managers included (acknowledging is their one write). */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('me/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'My reminders, newest first' })
  @ApiOkResponse({ type: ReminderPageDto })
  list(@Query() query: ListRemindersQuery, @CurrentActor() actor?: Actor) {
    return this.reminders.listMine(signedIn(actor).userId, query);
  }

  @Post('read')
  @Roles(...READERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my unread reminders read' })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@CurrentActor() actor?: Actor) {
    return this.reminders.markAllRead(signedIn(actor).userId);
  }

  @Post(':id/read')
  @Roles(...READERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my reminders read' })
  @ApiOkResponse({ type: ReminderDto })
  markRead(@Param('id', IdPipe) id: number, @CurrentActor() actor?: Actor) {
    return this.reminders.markRead(signedIn(actor).userId, id);
  }
}

function signedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new UnauthorizedException('Reminders belong to a user: sign in first');
  return actor;
}

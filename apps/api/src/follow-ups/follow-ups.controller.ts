import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, READERS, WRITERS } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import {
  AssignOwnerDto,
  CloseFollowUpDto,
  FollowUpDetailDto,
  FollowUpPageDto,
  FollowUpsService,
  ListFollowUpsQuery,
  OwnerOptionListDto,
  RecordBarriersDto,
  RecordContactDto,
  SetDueDateDto,
} from '@app/follow-ups';
import { IdPipe } from '../http/id.pipe';

/** Writes: admins, and support staff within their region (checked in the service). Reads: every role. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List follow-ups: mine, by owner, region, state, due or overdue; soonest due first' })
  @ApiOkResponse({ type: FollowUpPageDto })
  list(@Query() query: ListFollowUpsQuery, @CurrentActor() actor?: Actor) {
    return this.followUps.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One follow-up with its practice, services not offered, barriers and contact history' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  get(@Param('id', IdPipe) id: number) {
    return this.followUps.get(id);
  }

  @Get(':id/owners')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Who may own the follow-up: active admins, and support staff who may write in its region' })
  @ApiOkResponse({ type: OwnerOptionListDto })
  owners(@Param('id', IdPipe) id: number) {
    return this.followUps.ownerOptions(id);
  }

  @Post(':id/contacts')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a contact attempt (an open follow-up becomes contacted)' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  recordContact(@Param('id', IdPipe) id: number, @Body() dto: RecordContactDto, @CurrentActor() actor?: Actor) {
    return this.followUps.recordContact(id, dto, actor);
  }

  @Post(':id/barriers')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record one or more barriers (the follow-up becomes barriers_recorded)' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  recordBarriers(@Param('id', IdPipe) id: number, @Body() dto: RecordBarriersDto, @CurrentActor() actor?: Actor) {
    return this.followUps.recordBarriers(id, dto, actor);
  }

  @Put(':id/due-date')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Set the next due date (its reminder job moves with it)' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  setDueDate(@Param('id', IdPipe) id: number, @Body() dto: SetDueDateDto, @CurrentActor() actor?: Actor) {
    return this.followUps.setDueDate(id, dto, actor);
  }

  @Put(':id/owner')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Assign an owner (a user id), or unassign with null' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  assignOwner(@Param('id', IdPipe) id: number, @Body() dto: AssignOwnerDto, @CurrentActor() actor?: Actor) {
    return this.followUps.assignOwner(id, dto, actor);
  }

  @Post(':id/resolve')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve with a reason (a new follow-up opens if a service is still not offered)' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  resolve(@Param('id', IdPipe) id: number, @Body() dto: CloseFollowUpDto, @CurrentActor() actor?: Actor) {
    return this.followUps.resolve(id, dto, actor);
  }

  @Post(':id/cancel')
  @Roles(...WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason (a new follow-up opens if a service is still not offered)' })
  @ApiOkResponse({ type: FollowUpDetailDto })
  cancel(@Param('id', IdPipe) id: number, @Body() dto: CloseFollowUpDto, @CurrentActor() actor?: Actor) {
    return this.followUps.cancel(id, dto, actor);
  }
}

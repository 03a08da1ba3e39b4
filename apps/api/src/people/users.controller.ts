import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import {
  CreateUserDto,
  ListUsersQuery,
  PeopleService,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from '@app/people';
import { IdPipe } from '../http/id.pipe';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a user with a first password' })
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor) {
    return this.people.createUser(dto, actor);
  }

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'List users, filtered by role, region, active and text' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQuery) {
    return this.people.listUsers(query);
  }

  @Get(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', IdPipe) id: number) {
    return this.people.getUser(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Change a user's name, role, region or active flag (effective on their next request)" })
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.people.updateUser(id, dto, actor);
  }

  @Post(':id/deactivate')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a user: their tokens stop working at once' })
  @ApiOkResponse({ type: UserDto })
  deactivate(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.people.deactivateUser(id, actor);
  }

  @Post(':id/password')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: "Reset a user's password: their tokens stop working and any sign-in lock-out ends" })
  @ApiOkResponse({ type: UserDto })
  resetPassword(@Param('id', IdPipe) id: number, @Body() dto: ResetPasswordDto, @CurrentActor() actor: Actor) {
    return this.people.resetPassword(id, dto, actor);
  }
}

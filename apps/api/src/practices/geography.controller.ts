import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, READERS, Role } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import {
  AreaTeamDto,
  CcgDto,
  CreateAreaTeamDto,
  CreateCcgDto,
  CreateRegionDto,
  ListCcgsQuery,
  PracticesService,
  RegionDto,
} from '@app/practices';

@ApiTags('geography')
@ApiBearerAuth()
@Controller()
export class GeographyController {
  constructor(private readonly practices: PracticesService) {}

  @Post('regions')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a region' })
  @ApiCreatedResponse({ type: RegionDto })
  createRegion(@Body() dto: CreateRegionDto, @CurrentActor() actor: Actor) {
    return this.practices.createRegion(dto, actor);
  }

  @Get('regions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'List regions' })
  @ApiOkResponse({ type: [RegionDto] })
  listRegions() {
    return this.practices.listRegions();
  }

  @Post('area-teams')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create an area team in a region' })
  @ApiCreatedResponse({ type: AreaTeamDto })
  createAreaTeam(@Body() dto: CreateAreaTeamDto, @CurrentActor() actor: Actor) {
    return this.practices.createAreaTeam(dto, actor);
  }

  @Get('area-teams')
  @Roles(...READERS)
  @ApiOperation({ summary: 'List area teams' })
  @ApiOkResponse({ type: [AreaTeamDto] })
  listAreaTeams() {
    return this.practices.listAreaTeams();
  }

  @Post('ccgs')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a CCG in a region' })
  @ApiCreatedResponse({ type: CcgDto })
  createCcg(@Body() dto: CreateCcgDto, @CurrentActor() actor: Actor) {
    return this.practices.createCcg(dto, actor);
  }

  @Get('ccgs')
  @Roles(...READERS)
  @ApiOperation({ summary: 'List CCGs, optionally of one region' })
  @ApiOkResponse({ type: [CcgDto] })
  listCcgs(@Query() query: ListCcgsQuery) {
    return this.practices.listCcgs(query.regionCode);
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, READERS, WRITERS } from '@app/domain';
import { CurrentActor, Roles } from '@app/http';
import {
  CreatePracticeDto,
  ListPracticesQuery,
  PracticeDto,
  PracticePageDto,
  PracticesService,
  RecordListSizeDto,
  UpdatePracticeDto,
} from '@app/practices';
import {
  PracticeHistoryDto,
  RecordLevelDto,
  RecordLevelResultDto,
  StatusImpactDto,
  StatusImpactQuery,
  StatusService,
} from '@app/status';
import { PracticeCodePipe } from './practice-code.pipe';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(
    private readonly practices: PracticesService,
    private readonly status: StatusService,
  ) {}

  @Post()
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Create a practice' })
  @ApiCreatedResponse({ type: PracticeDto })
  create(@Body() dto: CreatePracticeDto, @CurrentActor() actor: Actor) {
    return this.practices.createPractice(dto, actor);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List practices with filters, sorting and pagination' })
  @ApiOkResponse({ type: PracticePageDto })
  list(@Query() query: ListPracticesQuery) {
    return this.practices.listPractices(query);
  }

  @Get(':code')
  @Roles(...READERS)
  @ApiOperation({ summary: "One practice with each service's current level and its current list size" })
  @ApiOkResponse({ type: PracticeDto })
  get(@Param('code', PracticeCodePipe) code: string) {
    return this.practices.getPractice(code);
  }

  @Patch(':code')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Update name, postcode, CCG, clinical system or dates' })
  @ApiOkResponse({ type: PracticeDto })
  update(@Param('code', PracticeCodePipe) code: string, @Body() dto: UpdatePracticeDto, @CurrentActor() actor: Actor) {
    return this.practices.updatePractice(code, dto, actor);
  }

  @Post(':code/status')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Record a change of service level (an append-only status event)' })
  @ApiCreatedResponse({ type: RecordLevelResultDto })
  recordLevel(
    @Param('code', PracticeCodePipe) code: string,
    @Body() dto: RecordLevelDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.status.recordLevel(code, dto, actor);
  }

  @Get(':code/status-impact')
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Which figures a status change would alter, before it is recorded (reads only)',
    description:
      'The same checks of the effective date as POST /practices/{code}/status. For the forms of those who may ' +
      'write; any region (it reads only).',
  })
  @ApiOkResponse({ type: StatusImpactDto })
  statusImpact(@Param('code', PracticeCodePipe) code: string, @Query() query: StatusImpactQuery) {
    return this.status.impact(code, query);
  }

  @Post(':code/list-sizes')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Record the registered list size from a date' })
  @ApiCreatedResponse({ type: PracticeDto })
  recordListSize(
    @Param('code', PracticeCodePipe) code: string,
    @Body() dto: RecordListSizeDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.practices.recordListSize(code, dto, actor);
  }

  @Get(':code/history')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Full history: status events and list sizes, newest first' })
  @ApiOkResponse({ type: PracticeHistoryDto })
  history(@Param('code', PracticeCodePipe) code: string) {
    return this.status.history(code);
  }
}

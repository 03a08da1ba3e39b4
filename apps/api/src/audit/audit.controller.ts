import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Roles } from '@app/http';
import { AuditPageDto, AuditQuery, AuditService } from '@app/audit';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Who changed what and when, newest first, filtered by entity, user and time' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}

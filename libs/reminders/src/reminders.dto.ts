import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@app/http';
import { ReminderKind } from './reminders.enums';

export class ListRemindersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only reminders not read yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'unread must be true or false' })
  unread?: boolean;
}

export class ReminderDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ReminderKind }) kind!: ReminderKind;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'Plain text, as e-mailed' }) body!: string;
  @ApiProperty({ type: Object, description: 'The same content, structured (e.g. the follow-ups listed)' })
  payload!: object;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) readAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) emailedAt!: Date | null;
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderDto] }) items!: ReminderDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many unread reminders this marked read' }) marked!: number;
}

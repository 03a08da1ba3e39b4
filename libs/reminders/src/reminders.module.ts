import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@app/jobs';
import { Mailer } from './mailer';
import { RecipientsRepository } from './recipients.repository';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { ReminderEntity } from './reminder.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity]), OutboxModule],
  providers: [RemindersRepository, RecipientsRepository, Mailer, RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}

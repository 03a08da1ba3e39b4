import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/jobs';
import { Mailer } from './mailer';
import { RecipientsRepository } from './recipients.repository';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

@Module({
  imports: [OutboxModule],
  providers: [RemindersRepository, RecipientsRepository, Mailer, RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}

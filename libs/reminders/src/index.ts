export * from './reminders.enums';
export * from './reminder.entity';
export * from './reminders.dto';
export * from './reminders.module';
export * from './reminders.service';
export type { NewReminder } from './reminders.repository';

export * from './status-event.entity';
export * from './status-span.entity';
export * from './status.dto';
export * from './status.module';
export * from './status.service';
export { StatusRepository } from './status.repository';
export * from './status-audit';

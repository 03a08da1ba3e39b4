export * from './audit-entry.entity';
export * from './audit.dto';
export * from './audit.module';
export * from './audit.service';

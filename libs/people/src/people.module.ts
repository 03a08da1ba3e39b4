import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CredentialsCache } from './credentials-cache';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './passwords';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { RateLimiters } from './rate-limiters';

/** Users and their passwords, without tokens: what the CLI needs (no JWT_SECRET required). */
@Module({
  imports: [AuditModule],
  providers: [PeopleRepository, PasswordHasher, PeopleService, RateLimiters, LoginAttempts, CredentialsCache],
  exports: [PeopleService, PasswordHasher, LoginAttempts, RateLimiters, CredentialsCache],
})
export class PeopleModule {}

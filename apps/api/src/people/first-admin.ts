import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PeopleService } from '@app/people';

/** At API start-up: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, when set and no active admin exists. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly people: PeopleService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    try {
      const result = await this.people.createFirstAdmin({ email, password }, 'ADMIN_EMAIL');
      if (result === 'created')
        this.logger.log(`Created the first admin, ${email.toLowerCase()}: unset ADMIN_PASSWORD now`);
    } catch (err) {
      // The API still serves everyone else; the CLI (npm run user:create-admin) can make an admin later.
      this.logger.error(`No first admin from ADMIN_EMAIL: ${(err as Error).message}`);
    }
  }
}

import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { AuthService, TOKEN_ISSUER } from './auth.service';
import { resolveJwtSecret } from './jwt-secret';
import { PeopleModule } from './people.module';

/** Tokens: HS256 only (no `none`, no algorithm chosen by the token), one issuer, audiences per kind. */
@Module({
  imports: [
    PeopleModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: resolveJwtSecret(config),
        signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  providers: [AuthService],
  exports: [AuthService, PeopleModule],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
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
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM key and
        // catches the failure, on every sign and verify (15% of the API's CPU under load, measured).
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config))),
        signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  providers: [AuthService],
  exports: [AuthService, PeopleModule],
})
export class AuthModule {}

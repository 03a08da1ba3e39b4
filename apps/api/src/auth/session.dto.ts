import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '@app/people';

/** A web session: the access token for the app's memory; the refresh token travels only in the cookie. */
export class SessionDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>; keep it in memory only' })
  accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty() user!: UserDto;
}

export class FieldProblemDto {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty() message!: string;
}

/** The one shape of every error response (libs/http HttpErrorFilter), documented for the web app's client. */
export class ErrorDto {
  @ApiProperty({ example: 401 }) status!: number;
  @ApiProperty({ example: 'Unauthorized' }) error!: string;
  @ApiProperty({ example: 'The e-mail address or password is not right' }) message!: string;
  @ApiProperty({ type: [FieldProblemDto] }) problems!: FieldProblemDto[];
  @ApiProperty() requestId!: string;
}

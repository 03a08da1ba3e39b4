import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { Role } from '@app/domain';
import { IsOmittable, IsRegionCode, PageQuery } from '@app/http';
import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** E-mail addresses compare case-insensitively: trimmed and lower-cased everywhere they come in. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseEmail(value) : value);

/** `'true'`/`'false'` in a query string, converted explicitly (implicit conversion turns 'false' into true). */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

function IsEmailAddress() {
  return applyDecorators(
    ApiProperty({ example: 'jane.smith@nhs.net', format: 'email' }),
    Transform(lowerTrim),
    MaxLength(254),
    IsEmail({}, { message: '$property must be an e-mail address' }),
  );
}

function IsPassword(description = `At least ${PASSWORD_MIN_LENGTH} characters`) {
  return applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description, format: 'password' }),
    ValidateBy({
      name: 'isPassword',
      validator: {
        validate: (value) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? passwordProblem(args.value) : 'must be a string'}`,
      },
    }),
  );
}

// ---- requests ----

export class CreateUserDto {
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ example: 'Jane Smith' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @IsOptional()
  @IsRegionCode({
    required: false,
    nullable: true,
    description: 'Support staff: the only region they may change; none means everywhere',
  })
  regionCode?: string | null;

  @IsPassword('At least 12 characters; the person should change it after signing in (POST /me/password)')
  password!: string;
}

/** Every field optional; `regionCode: null` removes the region. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOmittable()
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsRegionCode({ required: false, nullable: true })
  regionCode?: string | null;

  @ApiPropertyOptional({ description: 'false signs the user out everywhere at once' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @IsOptional() @IsRegionCode({ required: false }) regionCode?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the e-mail address or name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ResetPasswordDto {
  @IsPassword() password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsPassword() newPassword!: string;
}

export class LoginDto {
  @IsEmailAddress()
  email!: string;

  // Any length accepted here: a sign-in only checks, and a too-short guess is just wrong.
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refreshToken of a sign-in or an earlier refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  refreshToken!: string;
}

// ---- responses ----

export class UserDto {
  @ApiProperty() id!: number;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) regionCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TokensDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'For POST /auth/refresh; keep it secret' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the refresh token expires' }) refreshExpiresIn!: number;
  @ApiProperty() user!: UserDto;
}

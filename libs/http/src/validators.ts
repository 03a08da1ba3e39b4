import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { CCG_CODE, isCalendarDate, isInstant, PRACTICE_CODE, REGION_CODE } from '@app/domain';

const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** An ODS practice code: a letter and five digits (`A81001`), accepted in any case, stored upper-case. */
export function IsPracticeCode(api: ApiPropertyOptions = {}) {
  return applyDecorators(
    Transform(upperTrim),
    IsString(),
    Matches(PRACTICE_CODE, {
      message: '$property must be an ODS practice code: a letter and five digits, e.g. A81001',
    }),
    ApiProperty({ example: 'A81001', pattern: PRACTICE_CODE.source, ...api }),
  );
}

export function IsCcgCode(api: ApiPropertyOptions = {}) {
  return applyDecorators(
    Transform(upperTrim),
    IsString(),
    Matches(CCG_CODE, { message: '$property must be a 3-character CCG ODS code, e.g. 00C' }),
    ApiProperty({ example: '00C', pattern: CCG_CODE.source, ...api }),
  );
}

export function IsRegionCode(api: ApiPropertyOptions = {}) {
  return applyDecorators(
    Transform(upperTrim),
    IsString(),
    Matches(REGION_CODE, { message: '$property must be a 3-character region ODS code, e.g. Y54' }),
    ApiProperty({ type: String, example: 'Y54', pattern: REGION_CODE.source, ...api }),
  );
}

/** A real calendar date `YYYY-MM-DD` (2014-02-30 is rejected). */
export function IsCalendarDate(options?: ValidationOptions, api: ApiPropertyOptions = {}) {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: {
          validate: (value) => isCalendarDate(value),
          defaultMessage: (args) => `${args?.property} must be a real calendar date YYYY-MM-DD`,
        },
      },
      options,
    ),
    ApiProperty({ type: String, format: 'date', example: '2014-09-30', ...api }),
  );
}

/** The largest PostgreSQL `integer`: ids and versions above it name nothing (and would fail the query). */
export const MAX_INTEGER = 2_147_483_647;

/** An id typed as text (a path, a command line): a positive whole number that fits `integer`, else undefined. */
export function parseId(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return id >= 1 && id <= MAX_INTEGER ? id : undefined;
}

/** Query-string integers arrive as text: convert explicitly (no implicit conversion globally). */
export const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Optional, but when present it may not be null (unlike @IsOptional, which lets null through). */
export const IsOmittable = () => ValidateIf((_, value) => value !== undefined);

/** An instant with a zone (see isInstant); `orDate` also takes a calendar date (YYYY-MM-DD). */
export function IsInstant(opts: { orDate?: boolean } = {}) {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => isInstant(value) || (!!opts.orDate && isCalendarDate(value)),
      defaultMessage: (args) =>
        `${args?.property} must be an ISO 8601 timestamp with a zone, e.g. ` +
        `2014-10-01T09:00:00Z${opts.orDate ? ', or a date (YYYY-MM-DD)' : ''}`,
    },
  });
}

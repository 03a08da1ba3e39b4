import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@app/common';

const MAX_INT = 2_147_483_647;

/** `:id` in a path: a positive integer that fits the database's integer ids, or a 400 naming the field. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^\d{1,10}$/.test(String(value)) ? Number(value) : NaN;
    if (!(id >= 1 && id <= MAX_INT)) {
      const message = 'id must be a positive whole number';
      throw new RequestValidationError(message, [{ field: 'id', message }]);
    }
    return id;
  }
}

import { Injectable, PipeTransform } from '@nestjs/common';
import { MAX_INTEGER, RequestValidationError } from '@app/common';

/** `:id` in a path: a positive integer that fits the database's integer ids, or a 400 naming the field. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^\d{1,10}$/.test(String(value)) ? Number(value) : NaN;
    if (!(id >= 1 && id <= MAX_INTEGER)) {
      const message = 'id must be a positive whole number';
      throw new RequestValidationError(message, [{ field: 'id', message }]);
    }
    return id;
  }
}

import { Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@app/common';

/** `:id` in a path: a positive integer, or a 400 naming the field (never a database error). */
@Injectable()
export class UserIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^\d{1,9}$/.test(String(value)) ? Number(value) : NaN;
    if (!(id > 0)) {
      const message = 'id must be a positive whole number';
      throw new RequestValidationError(message, [{ field: 'id', message }]);
    }
    return id;
  }
}

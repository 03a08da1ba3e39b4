import { Injectable, PipeTransform } from '@nestjs/common';
import { parseId, RequestValidationError } from '@app/http';

/** `:id` in a path: a positive integer that fits the database's integer ids, or a 400 naming the field. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = parseId(value);
    if (id === undefined) {
      const message = 'id must be a positive whole number';
      throw new RequestValidationError(message, [{ field: 'id', message }]);
    }
    return id;
  }
}

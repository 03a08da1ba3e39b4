import { Injectable, PipeTransform } from '@nestjs/common';
import { PRACTICE_CODE } from '@app/domain';
import { RequestValidationError } from '@app/http';

/** `:code` in a path: any case accepted, upper-cased, and a clear 400 naming the field when malformed. */
@Injectable()
export class PracticeCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = String(value ?? '')
      .trim()
      .toUpperCase();
    if (!PRACTICE_CODE.test(code)) {
      const message = 'code must be an ODS practice code: a letter and five digits, e.g. A81001';
      throw new RequestValidationError(message, [{ field: 'code', message }]);
    }
    return code;
  }
}

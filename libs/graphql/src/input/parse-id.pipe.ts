import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CommonException } from '../errors/domain.exception';

/**
 * For `@Args('id', { type: () => ID }, ParseIdPipe)`: a malformed id is BAD_USER_INPUT naming
 * the argument in `fieldErrors` (like every other input error), and never reaches SQL.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw CommonException.validation([{ field, message: `${field} must be a UUID` }]);
  }
}

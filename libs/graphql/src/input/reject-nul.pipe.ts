import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { CommonException } from '../errors/domain.exception';

const MAX_NESTING = 20;

function nulPaths(value: unknown, path: string, found: string[], depth = 0): string[] {
  if (depth > MAX_NESTING) return found;
  if (typeof value === 'string') {
    if (value.includes('\0')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, `${path}.${index}`, found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      nulPaths(item, path ? `${path}.${key}` : key, found, depth + 1);
    }
  }
  return found;
}

/**
 * PostgreSQL cannot store a NUL character in text, so a string carrying one would fail in SQL
 * (an INTERNAL error). It is refused as BAD_USER_INPUT naming the field, for every argument.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // GraphQL arguments reach pipes as 'body'; context, parent and info are not client input
    if (metadata.type !== 'body') return value;
    const fields = nulPaths(value, metadata.data ?? '', []);
    if (fields.length) {
      throw CommonException.validation(
        fields.map((field) => ({
          field: field || 'input',
          message: 'must not contain NUL characters',
        })),
      );
    }
    return value;
  }
}

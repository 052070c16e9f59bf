import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { CommonException, FieldError } from './domain.exception';

/** Turns class-validator's tree into `input.members.0.email`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Validates every GraphQL input class. Only decorated, client-settable fields survive, and an
 * unknown field is an error rather than being silently dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CommonException.validation(flattenValidationErrors(errors)),
  });
}

import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';

/** Runs `fn` and checks it was refused with an AppError of `code` (and, if given, a message matching). */
export function expectAppError(fn: () => unknown, code: ErrorCode, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected an AppError').toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe(code);
  if (message) expect((thrown as AppError).message).toMatch(message);
}

import { DatabaseTooNewError } from '../../db/migrations';
import { AppError } from '../../shared/ipc/envelope';
import type { MessageRef } from '../../shared/messages';
import { mainText, systemLanguage } from './main-text';

/**
 * What the app says when it cannot open its data folder at start-up. The person's language preference lives in
 * that folder, so it follows the operating system's languages instead: Spanish when the first one is Spanish.
 */
export function startupError(error: unknown, systemLanguages: readonly string[]): { title: string; content: string } {
  const language = systemLanguage(systemLanguages);
  const write = (ref: MessageRef) => mainText(language, ref);
  const told = toldOf(error);
  return {
    title: write({ key: 'startup.title' }),
    content: told ? write(told) : error instanceof Error ? error.message : String(error),
  };
}

/** The message a start-up failure carries by key, or null for an unexpected error (shown as it is). */
function toldOf(error: unknown): MessageRef | null {
  if (error instanceof AppError && error.key)
    return error.params ? { key: error.key, params: error.params } : { key: error.key };
  if (error instanceof DatabaseTooNewError) {
    return { key: 'startup.tooNew', params: { found: error.found, supported: error.supported } };
  }
  return null;
}

/** The languages a terminal asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: "es_MX.UTF-8"), for the web harness. */
export function systemLanguages(env: NodeJS.ProcessEnv): string[] {
  return [env.LANGUAGE?.split(':')[0], env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .filter((value): value is string => Boolean(value) && value !== 'C' && value !== 'POSIX')
    .map((value) => value.replace('_', '-'));
}

import type { LanguageCode } from '../../shared/domain/language';
import type { englishMessages } from '../../shared/messages';
import { mainText } from '../services/main-text';

type UnloadGuardableWebContents = {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
};

/**
 * The worksheet's beforeunload guard (saves still in flight) would otherwise stop the window from closing
 * without a word in Electron: ask the person, and let the window close only when they choose to leave.
 */
export function askBeforeLeavingUnsavedWork(contents: UnloadGuardableWebContents, askToLeave: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault on this event ignores the page's beforeunload and lets the window close.
    if (askToLeave()) event.preventDefault();
  });
}

/** The question, in the interface's language (staying is the default, and what Escape does). */
export function unsavedWorkQuestion(language: LanguageCode) {
  const write = (key: `unsavedWork.${keyof typeof englishMessages.unsavedWork}`) => mainText(language, { key });
  return {
    type: 'warning' as const,
    buttons: [write('unsavedWork.stay'), write('unsavedWork.closeAnyway')],
    defaultId: 0,
    cancelId: 0,
    title: write('unsavedWork.title'),
    message: write('unsavedWork.message'),
    detail: write('unsavedWork.detail'),
  };
}
/** The button index in the question that closes the window. */
export const CLOSE_ANYWAY = 1;

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

export const UNSAVED_WORK_QUESTION = {
  type: 'warning' as const,
  buttons: ['Stay and let it save', 'Close anyway'],
  defaultId: 0,
  cancelId: 0,
  title: 'Changes still being saved',
  message: 'Some of your changes are still being saved.',
  detail: 'Stay a moment so they are saved. If you close now, the changes not yet saved are lost.',
};
/** The button index in UNSAVED_WORK_QUESTION that closes the window. */
export const CLOSE_ANYWAY = 1;

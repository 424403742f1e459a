import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { askBeforeLeavingUnsavedWork } from '../../electron/main/unload-guard';

/** What Electron does when the page's beforeunload handler asks to stay: emits will-prevent-unload. */
function pageAsksToStay(contents: EventEmitter): { closes: boolean } {
  let closes = false;
  contents.emit('will-prevent-unload', { preventDefault: () => (closes = true) });
  return { closes };
}

describe('closing the window while changes are still being saved', () => {
  it('asks the person, and closes only when they choose to close anyway', () => {
    const contents = new EventEmitter();
    const answers = [false, true];
    const asked: boolean[] = [];
    askBeforeLeavingUnsavedWork(contents, () => {
      const leave = answers.shift() ?? false;
      asked.push(leave);
      return leave;
    });
    expect(pageAsksToStay(contents)).toEqual({ closes: false });
    expect(pageAsksToStay(contents)).toEqual({ closes: true });
    expect(asked).toEqual([false, true]);
  });
});

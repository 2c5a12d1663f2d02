/** Window size and place across starts: saved, read back, and never off every screen. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { MIN_SIZE, placeWindow, readWindowState, type WindowState, writeWindowState } from './window-state';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 };
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeFolder(folder);
});
function stateFile(): string {
  const folder = tempFolder('kg-window');
  folders.push(folder);
  return join(folder, 'window-state.json');
}

describe('window state file', () => {
  it('reads back what was written', () => {
    const file = stateFile();
    const state: WindowState = { x: 1500, y: 40, width: 1600, height: 1000, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"x": 1,'],
    ['a field missing', JSON.stringify({ x: 1, y: 2, width: 1000, maximized: false })],
    ['a fraction', JSON.stringify({ x: 1.5, y: 2, width: 1000, height: 700, maximized: false })],
    ['a string', JSON.stringify({ x: '1', y: 2, width: 1000, height: 700, maximized: false })],
  ])('%s: no saved state, no error', (_case, text) => {
    const file = stateFile();
    if (text !== null) writeFileSync(file, text);
    expect(readWindowState(file)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('first start: the default size, centred on the main screen', () => {
    expect(placeWindow(null, [LAPTOP, MONITOR])).toEqual({ x: 80, y: 40, width: 1280, height: 820, maximized: false });
  });

  it('a place on a screen that is still there is reused, on whichever screen it was', () => {
    const onMonitor = { x: 1600, y: 100, width: 2000, height: 1200, maximized: false };
    expect(placeWindow(onMonitor, [LAPTOP, MONITOR])).toEqual(onMonitor);
  });

  it('the monitor is gone: back on the main screen at a size that fits, still maximized if it was', () => {
    const onMonitor = { x: 1600, y: 100, width: 2000, height: 1200, maximized: true };
    expect(placeWindow(onMonitor, [LAPTOP])).toEqual({ x: 80, y: 40, width: 1280, height: 820, maximized: true });
  });

  it('a title bar above the screen or only a sliver on it does not count as visible', () => {
    const centred = { x: 80, y: 40, width: 1280, height: 820 };
    expect(placeWindow({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, [LAPTOP])).toMatchObject(
      centred,
    );
    expect(placeWindow({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [LAPTOP])).toMatchObject(
      centred,
    );
    expect(placeWindow({ x: 1300, y: 100, width: 1000, height: 700, maximized: false }, [LAPTOP]).x).toBe(1300);
  });

  it('never smaller than the minimum, never larger than its screen', () => {
    const tiny = placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [LAPTOP]);
    expect(tiny).toMatchObject({ x: 10, y: 10, width: MIN_SIZE.width, height: MIN_SIZE.height });
    const huge = placeWindow({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [LAPTOP]);
    expect(huge).toMatchObject({ width: LAPTOP.width, height: LAPTOP.height });
  });
});

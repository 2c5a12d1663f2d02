/**
 * The window comes back where it was: its size and position (and whether it was maximized) kept in
 * a small JSON file in the user-data folder. A saved place on a screen that is gone (a laptop off
 * its dock) is not reused: the window opens at its default size, centred on the main screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 960, height: 600 };
/** How much of the title bar must be on a screen for a saved place to count as visible. */
const VISIBLE_EDGE = 100;

const isWhole = (value: unknown): value is number => Number.isSafeInteger(value);

/** The saved state, or null when there is none or it is not one (never an error at start-up). */
export function readWindowState(file: string): WindowState | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const { x, y, width, height, maximized } = saved;
    if (![x, y, width, height].every(isWhole) || typeof maximized !== 'boolean') return null;
    return { x: x!, y: y!, width: width!, height: height!, maximized };
  } catch {
    return null;
  }
}

/** Written whole or not at all (a crash mid-write leaves the previous file). */
export function writeWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

function titleBarVisible(bounds: Rect, screen: Rect): boolean {
  const overlap = Math.min(bounds.x + bounds.width, screen.x + screen.width) - Math.max(bounds.x, screen.x);
  return overlap >= VISIBLE_EDGE && bounds.y >= screen.y && bounds.y < screen.y + screen.height - VISIBLE_EDGE / 2;
}

/**
 * Where to open the window, given the saved state and the screens' work areas (the first is the
 * main one). The size never exceeds the screen it opens on, nor goes under the minimum.
 */
export function placeWindow(saved: WindowState | null, screens: readonly Rect[]): WindowState {
  const home = saved && screens.find((screen) => titleBarVisible(saved, screen));
  const screen = home ?? screens[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const clamp = (size: number, min: number, room: number) => Math.max(min, Math.min(size, room));
  const width = clamp(home ? saved.width : DEFAULT_SIZE.width, MIN_SIZE.width, screen.width);
  const height = clamp(home ? saved.height : DEFAULT_SIZE.height, MIN_SIZE.height, screen.height);
  if (home) return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
  return {
    x: screen.x + Math.round((screen.width - width) / 2),
    y: screen.y + Math.round((screen.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false,
  };
}

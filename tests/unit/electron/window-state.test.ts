import { describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  type Rectangle,
} from '../../../electron/main/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('falls back to defaults on first launch and on junk', () => {
    for (const text of [
      null,
      '',
      'not json',
      '[]',
      'null',
      '{"width":"big"}',
      '{"width":-5,"height":600}',
      '{"width":1e400,"height":600}',
    ]) {
      expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('reads a saved state, dropping a half position', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":900,"height":700,"isMaximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      isMaximized: true,
    });
    expect(parseWindowState('{"x":10,"width":900,"height":700}')).toEqual({ width: 900, height: 700, isMaximized: false });
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that fits where it is', () => {
    const state = { x: 100, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop, rightMonitor], laptop)).toEqual(state);
  });

  it('keeps a window on a secondary display', () => {
    const state = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: true };
    expect(clampToDisplays(state, [laptop, rightMonitor], laptop)).toEqual(state);
  });

  it('re-centres a window whose monitor was unplugged', () => {
    const state = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: false };
    expect(clampToDisplays(state, [laptop], laptop)).toEqual({ width: 1200, height: 875, isMaximized: false });
  });

  it('pulls a window hanging off the edge back on screen', () => {
    const state = { x: 1000, y: 600, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop], laptop)).toEqual({ x: 440, y: 175, width: 1000, height: 700, isMaximized: false });
    const aboveAndLeft = { x: -300, y: -200, width: 800, height: 600, isMaximized: false };
    expect(clampToDisplays(aboveAndLeft, [laptop], laptop)).toMatchObject({ x: 0, y: 0 });
  });

  it('shrinks a window larger than its display, and grows one below the minimum', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 5000, height: 3000, isMaximized: false }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      isMaximized: false,
    });
    expect(clampToDisplays({ x: 0, y: 0, width: 10, height: 10, isMaximized: false }, [laptop], laptop)).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('never exceeds a display smaller than the minimum size', () => {
    const tiny: Rectangle = { x: 0, y: 0, width: 640, height: 400 };
    expect(clampToDisplays({ x: 0, y: 0, width: 1280, height: 820, isMaximized: false }, [tiny], tiny)).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 400,
      isMaximized: false,
    });
  });

  it('picks the display the window overlaps most', () => {
    const state = { x: 1300, y: 100, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop, rightMonitor], laptop)).toEqual({ ...state, x: 1440 });
  });

  it('handles displays at negative coordinates (monitor left of the primary)', () => {
    const left: Rectangle = { x: -1920, y: 0, width: 1920, height: 1040 };
    const state = { x: -1800, y: 40, width: 1000, height: 700, isMaximized: false };
    expect(clampToDisplays(state, [laptop, left], laptop)).toEqual(state);
  });

  it('sizes a first-launch window to the primary display, without a position', () => {
    expect(clampToDisplays({ ...DEFAULT_WINDOW_STATE }, [laptop], laptop)).toEqual({ width: 1280, height: 820, isMaximized: false });
  });
});

import { describe, expect, it } from 'vitest';
import { forwardedKey } from '../../../src/components/widgets/present';

describe('forwardedKey', () => {
  it.each([
    // Presentation clickers step, wherever focus is but in a field, slider or menu.
    ['PageDown', true, 'DIV', 'ArrowRight'],
    ['PageUp', false, 'BUTTON', 'ArrowLeft'],
    ['PageDown', true, 'INPUT', ''],
    ['PageUp', true, 'SELECT', ''],
    // Player keys on the bar or the background reach the diagrams.
    ['ArrowRight', false, 'BUTTON', 'ArrowRight'],
    ['Home', false, 'DIV', 'Home'],
    [' ', false, 'DIV', ' '],
    // Space presses a button; keys inside the widget are its own handler's.
    [' ', false, 'BUTTON', ''],
    ['ArrowLeft', true, 'DIV', ''],
    ['a', false, 'DIV', ''],
  ])('forwards %j (in the widget: %s, on a %s) as %j', (key, inWidget, tag, out) => {
    expect(forwardedKey(key, { inWidget, tag })).toBe(out);
  });
});

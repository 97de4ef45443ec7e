import { describe, expect, it } from 'vitest';
import { faceOf, textWidth } from '../../src/charts/measure.ts';

describe('textWidth', () => {
  it('measures a kanji as 1 em and Latin letters narrower', () => {
    expect(textWidth('介', 10)).toBe(10);
    expect(textWidth('介護予防', 12)).toBe(48);
    expect(textWidth('i', 10)).toBeLessThan(5);
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('介', 0)).toBe(0);
  });

  it('uses the bold face for bold weights', () => {
    expect(faceOf('bold')).toBe(700);
    expect(faceOf(700)).toBe(700);
    expect(faceOf('600')).toBe(700);
    expect(faceOf('normal')).toBe(400);
    expect(faceOf(undefined)).toBe(400);
    const s = 'Score 100%';
    expect(textWidth(s, 10, 'bold')).not.toBe(textWidth(s, 10));
  });

  it('counts characters outside the BMP once', () => {
    expect(textWidth('😀', 10)).toBe(textWidth('\u{1F600}', 10));
    expect(textWidth('😀', 10)).toBeGreaterThan(0);
  });
});

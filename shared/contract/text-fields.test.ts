/** Which characters a text field takes: the rule that keeps one bad change from stalling sync. */
import { describe, expect, it } from 'vitest';
import { storedText, typedText } from './fields';

const takes = (field: 'itemName' | 'note', value: string) => typedText(field).safeParse(value).success;

describe('text fields', () => {
  it('take letters of every script, emoji and non-breaking spaces', () => {
    for (const value of ['Crème brûlée', 'Bánh mì 🍞', 'Ξ\u00a0ouzo']) expect(takes('itemName', value)).toBe(true);
  });

  it('refuse control characters, including C1 ones, in a one-line field', () => {
    for (const value of ['Ba\u0000sil', 'tab\there', 'two\nlines', 'esc\u001b[2J', 'del\u007f', 'nel\u0085'])
      expect(takes('itemName', value)).toBe(false);
  });

  it('take tab and newline in a note, and no other control character', () => {
    expect(takes('note', 'first line\n\tsecond')).toBe(true);
    for (const value of ['carriage\rreturn', 'nul\u0000', 'bell\u0007']) expect(takes('note', value)).toBe(false);
  });

  it('refuse half of a character (a lone surrogate), typed or pulled', () => {
    for (const value of ['x\ud83d', '\ude00x', '\ud83d\ude00\ud83d']) {
      expect(takes('itemName', value)).toBe(false);
      expect(storedText('itemName').safeParse(value).success).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isPasswordComplex, passwordClasses } from '../src/password.ts';

describe('password complexity (等保 2.0 level 3: length ≥ 8, three of four classes)', () => {
  it.each([
    ['Demo#2026', true],
    ['abcdefg1A', true],
    ['abcdefgh', false],
    ['abcd1234', false],
    ['Ab1!', false],
    ['ABCD!@#$1', true],
    ['密码Aa1', false],
    ['密码密码密码Aa1', true],
  ])('%s → %s', (pw, ok) => {
    expect(isPasswordComplex(pw)).toBe(ok);
  });
  it('counts classes', () => {
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('aaaa')).toBe(1);
  });
});

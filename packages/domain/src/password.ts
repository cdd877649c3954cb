/**
 * Password complexity for 等保 2.0 level 3: at least 8 characters drawn from
 * at least three of the four classes (upper, lower, digit, symbol).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordClasses(password: string): number {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

export function isPasswordComplex(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH && passwordClasses(password) >= 3;
}

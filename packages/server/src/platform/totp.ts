import { generate, generateSecret, generateURI, verify } from 'otplib';

export const newTotpSecret = (): string => generateSecret();

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'township-office', label: username, secret });
}

export async function totpValid(secret: string, token: string): Promise<boolean> {
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}

export const totpNow = (secret: string): Promise<string> => generate({ secret });

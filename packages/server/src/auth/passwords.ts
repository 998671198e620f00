import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id cost. Production uses the library's defaults (OWASP-level); tests pass a low cost to stay fast. */
export interface PasswordCost {
  timeCost: number;
  memoryCost: number;
}

export const PRODUCTION_COST: PasswordCost = { timeCost: 3, memoryCost: 65536 };
export const TEST_COST: PasswordCost = { timeCost: 1, memoryCost: 1024 };

export function hashPassword(password: string, cost: PasswordCost = PRODUCTION_COST): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A random password for generated accounts: 20 characters from a 56-letter alphabet (~116 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

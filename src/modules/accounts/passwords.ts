import { hash, verify, Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A readable temporary password for resets: 4 groups of 4 from an unambiguous alphabet. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Hash checked when an unknown email logs in, so the answer takes as long as for a real one. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$6X2+NkQ3Nqec0cDlMlWGEw$cxBJm/NePhwQ88zvTTE9C46aE5KwPTog2GC3aHHEYKg';

import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { says } from '../core/http/validation.js';

/** At least 8 characters with letters and digits: the rule the admin's forms show too. */
export const passwordSchema = () =>
  z
    .string()
    .min(8, { message: says('密码至少 8 个字符', 'must have at least 8 characters') })
    .max(128)
    .regex(/[A-Za-z]/, { message: says('密码须包含字母', 'must contain a letter') })
    .regex(/\d/, { message: says('密码须包含数字', 'must contain a digit') });

/** argon2id with the library's defaults (64 MiB, 3 passes): slow enough for guessing, fine for logins. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = async (hash: string, password: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
};

/** A password for a generated account: 16 characters, always with letters and digits. */
export const generatePassword = (): string => {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const candidate = [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
    if (/[A-Za-z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
};

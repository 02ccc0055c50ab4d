// Password hashing with Argon2id and the password policy. Relative imports only: the
// command-line scripts (tsx, no $lib alias) use this module too.
import { hash, verify, type Options } from '@node-rs/argon2';
import { z } from 'zod';
import { m } from '../../paraglide/messages';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's minimum for Argon2id (STACK.md). `algorithm: 2` is Argon2id: the package exports it
// as a `const enum`, which isolated modules cannot import.
const ARGON2: Options = {
	algorithm: 2,
	memoryCost: 19456,
	timeCost: 2,
	outputLen: 32,
	parallelism: 1
};

/**
 * The policy for a new password, as a zod schema for forms (messages name the field, in the
 * request's language when `label` is a message function).
 */
export function newPasswordSchema(label: string | (() => string) = m.pw_new_password) {
	const name = () => (typeof label === 'function' ? label() : label);
	return z
		.string()
		.min(PASSWORD_MIN_LENGTH, {
			error: () => m.v_min_chars({ label: name(), min: String(PASSWORD_MIN_LENGTH) })
		})
		.max(PASSWORD_MAX_LENGTH, {
			error: () => m.v_max_chars({ label: name(), max: String(PASSWORD_MAX_LENGTH) })
		});
}

/** The policy as a plain check, for the command line: null when the password is acceptable. */
export function passwordPolicyError(password: string, label = 'Password'): string | null {
	const result = newPasswordSchema(label).safeParse(password);
	return result.success ? null : (result.error.issues[0]?.message ?? `${label} is not acceptable`);
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

/** A malformed stored hash throws: it is data corruption, not a wrong password. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}

let dummyHash: Promise<string> | null = null;

/**
 * Does the same Argon2 work as a real check and always fails. Called when no account has the
 * email, so that response time does not reveal which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('not a real password: only used to spend the same time');
	await verify(await dummyHash, password);
	return false;
}

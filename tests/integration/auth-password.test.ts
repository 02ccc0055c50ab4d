import { describe, expect, it } from 'vitest';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	hashPassword,
	passwordPolicyError,
	verifyAgainstDummy,
	verifyPassword
} from '../../src/lib/server/auth/password';

describe('passwords', () => {
	it('hashes with Argon2id at the OWASP parameters and verifies', async () => {
		const hash = await hashPassword('a long enough password');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
		expect(await verifyPassword(hash, 'a long enough passworD')).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same password here')).not.toBe(
			await hashPassword('same password here')
		);
	});

	it('the dummy check always fails', async () => {
		expect(await verifyAgainstDummy('not a real password: only used to spend the same time')).toBe(
			false
		);
		expect(await verifyAgainstDummy('anything')).toBe(false);
	});

	it('enforces 12 to 256 characters, naming the field', () => {
		expect(PASSWORD_MIN_LENGTH).toBe(12);
		expect(PASSWORD_MAX_LENGTH).toBe(256);
		expect(passwordPolicyError('x'.repeat(11))).toBe('Password must be at least 12 characters');
		expect(passwordPolicyError('x'.repeat(12))).toBeNull();
		expect(passwordPolicyError('x'.repeat(256))).toBeNull();
		expect(passwordPolicyError('x'.repeat(257), 'New password')).toBe(
			'New password must be 256 characters or fewer'
		);
	});
});

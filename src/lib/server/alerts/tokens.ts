// Link tokens for people without an account: 32 random bytes, base64url in the link; only the
// hex SHA-256 is stored, so a copy of the database cannot be used to unsubscribe anyone.
import { createHash, randomBytes } from 'node:crypto';

export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60_000;
/** A manage link in a message keeps working this long (one-click unsubscribe included). */
export const MANAGE_TTL_MS = 180 * 24 * 60 * 60_000;

export function hashAlertToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function newAlertToken(): { token: string; id: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, id: hashAlertToken(token) };
}

/** A token as it may appear in a link: 43 base64url characters. */
export function isAlertTokenShape(s: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(s);
}

// The user form fields shared by the create and edit actions.
import { z } from 'zod';

export const roleSchema = z.enum(['mp', 'clerk', 'admin']);

export const userFields = {
	name: z.string().trim().min(1).max(200),
	role: roleSchema,
	committees: z.array(z.coerce.number().int().positive()).default([])
};

export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.max(254)
	.pipe(z.email('Enter the email address in the correct format, like name@example.com'));

export const userLabels = {
	name: 'Full name',
	email: 'Email address',
	role: 'Role',
	committees: 'Committees',
	password: 'Temporary password',
	version: 'Version'
};

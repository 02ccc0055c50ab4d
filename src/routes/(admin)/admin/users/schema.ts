// The user form fields shared by the create and edit actions.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

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
	.pipe(z.email({ error: () => m.us_v_email() }));

export const userLabels = {
	name: m.us_full_name,
	email: m.us_email,
	role: m.us_role,
	committees: m.us_committees,
	password: m.us_temp_password,
	version: m.us_version
};

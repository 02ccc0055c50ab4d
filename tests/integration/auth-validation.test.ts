import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateForm, validateInput } from '../../src/lib/server/forms/validation';

function formData(entries: [string, string | Blob][]): FormData {
	const fd = new FormData();
	for (const [k, v] of entries) fd.append(k, v);
	return fd;
}

const schema = z.object({
	name: z.string().trim().min(1).max(10),
	email: z.string().trim().pipe(z.email()),
	due_on: z.iso.date().optional(),
	count: z.coerce.number().int().min(1).optional(),
	role: z.enum(['mp', 'clerk']),
	committees: z.array(z.coerce.number().int()).default([]),
	password: z.string().min(12)
});

describe('validateForm', () => {
	it('returns typed data, taking every value of an array field', () => {
		const r = validateForm(
			formData([
				['name', ' Ann '],
				['email', 'ann@x.example'],
				['role', 'mp'],
				['committees', '3'],
				['committees', '5'],
				['password', 'long enough secret'],
				['ignored', 'x']
			]),
			schema
		);
		expect(r).toMatchObject({
			ok: true,
			data: { name: 'Ann', email: 'ann@x.example', role: 'mp', committees: [3, 5] }
		});
		expect(r.ok && r.data.due_on).toBeUndefined();
	});

	it('names the field in plain messages, in form order, and never echoes a password', () => {
		const r = validateForm(
			formData([
				['password', 'short'],
				['name', 'far too long a name'],
				['email', 'not-an-email'],
				['due_on', '2026-02-30'],
				['count', 'many'],
				['role', 'king'],
				['secret_code', '123']
			]),
			schema,
			{ labels: { due_on: 'Due date' } }
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			name: 'Name must be 10 characters or fewer',
			email: 'Enter email in the correct format, like name@example.com',
			due_on: 'Enter due date as a real date, like 2026-03-31',
			count: 'Count must be a number',
			role: 'Select role from the list',
			password: 'Password must be at least 12 characters'
		});
		expect(Object.keys(r.errors)).toEqual(['name', 'email', 'due_on', 'count', 'role', 'password']);
		expect(r.values).toEqual({
			name: 'far too long a name',
			email: 'not-an-email',
			due_on: '2026-02-30',
			count: 'many',
			role: 'king',
			committees: []
		});
	});

	it('treats empty boxes as missing: required fields say "Enter …", optional ones pass', () => {
		const r = validateForm(
			formData([
				['name', ''],
				['email', ''],
				['due_on', ''],
				['role', 'clerk'],
				['password', '']
			]),
			schema
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			name: 'Enter name',
			email: 'Enter email',
			password: 'Enter password'
		});
	});

	it('ignores uploaded files where text is expected', () => {
		const r = validateForm(
			formData([['name', new Blob(['x'])]]),
			z.object({ name: z.string().min(1) })
		);
		expect(r).toMatchObject({ ok: false, errors: { name: 'Enter name' } });
	});

	it('keeps messages written in the schema, and secrets listed by the caller', () => {
		const r = validateForm(
			formData([
				['title', '  '],
				['pin', '1234']
			]),
			z.object({ title: z.string().trim().min(1, 'Enter the commitment title'), pin: z.string() }),
			{ secret: ['pin'] }
		);
		expect(r).toEqual({
			ok: false,
			errors: { title: 'Enter the commitment title' },
			values: { title: '  ' }
		});
	});

	const textSchema = z.object({
		title: z.string().trim().min(1).max(200),
		summary: z.string().trim().max(2000).optional(),
		tags: z.array(z.string()).default([])
	});

	it.each([
		['NUL', 'Unit\u0000'],
		['ESC', '\u001b[31mred'],
		['BEL', 'ring\u0007'],
		['DEL', 'x\u007f'],
		['a C1 control', 'x\u0085y'],
		['U+FFFE', 'x\uFFFEy'],
		['U+FFFF', '\uFFFF'],
		['a noncharacter of a higher plane', 'x\u{10FFFF}']
	])('refuses %s in any text field, naming the field, and keeps nothing', (_, bad) => {
		for (const field of ['title', 'summary', 'tags'] as const) {
			const fd = formData(
				field === 'title'
					? [['title', bad]]
					: [
							['title', 'A title'],
							[field, bad]
						]
			);
			const r = validateForm(fd, textSchema, {
				labels: { title: 'Title', summary: 'Summary', tags: 'Tags' }
			});
			expect(r.ok).toBe(false);
			const label = { title: 'Title', summary: 'Summary', tags: 'Tags' }[field];
			if (!r.ok)
				expect(r.errors[field]).toBe(
					`${label} must not contain control or invisible characters (such as NUL, ESC or U+FFFE)`
				);
		}
	});

	it('keeps line breaks, tabs, emoji and joiners inside real text', () => {
		const text = 'Line one\r\nLine\ttwo 🇰🇪 👩‍💻 Mhe. Murkomen\u00a0';
		const r = validateForm(
			formData([
				['title', 'x'],
				['summary', text]
			]),
			textSchema
		);
		expect(r.ok && r.data.summary).toBe(text.trim());
	});

	it('counts text of only spaces and invisible characters as missing', () => {
		for (const blank of ['\u200b\u200b', '\u200c\u200d\u2060', '\ufeff \u00ad', ' \u00a0\u2003 ']) {
			const r = validateForm(
				formData([
					['title', blank],
					['summary', blank],
					['tags', blank]
				]),
				textSchema,
				{
					labels: { title: 'Title' }
				}
			);
			expect(r).toMatchObject({ ok: false, errors: { title: 'Enter title' } });
			const optional = validateForm(
				formData([
					['title', 'T'],
					['summary', blank],
					['tags', blank]
				]),
				textSchema
			);
			expect(optional).toMatchObject({ ok: true, data: { title: 'T', tags: [] } });
			expect(optional.ok && (optional.data.summary ?? '')).toBe('');
		}
	});

	it('uses .describe() text as the label', () => {
		const r = validateInput({}, z.object({ q: z.string().describe('Search words') }));
		expect(r).toMatchObject({ ok: false, errors: { q: 'Enter search words' } });
	});
});

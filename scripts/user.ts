// User accounts from the command line (how the first admin of a production install is made):
//
//   echo 'the password' | npm run user -- add --email E --name "N" --role admin
//   npm run user -- add --email E --name "N" --role clerk --committee SLUG [--committee SLUG]...
//   npm run user -- add --email E --name "N" --role ministry --organisation SLUG [--organisation SLUG]...
//   npm run user -- password --email E        (sets a temporary password, read from stdin)
//   npm run user -- list
//
// The password is read from standard input (typed without echo on a terminal, or piped), never
// from an argument, so it does not end up in shell history or the process list.
// Relative imports: tsx does not resolve SvelteKit's $lib alias.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SYSTEM_ACTOR, type Actor } from '../src/lib/server/audit';
import { passwordPolicyError } from '../src/lib/server/auth/password';
import { createDb, DEFAULT_DATABASE_URL, type Database } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Role } from '../src/lib/server/db/schema';
import { findCommitteesBySlug, getUserByEmail, listUsers } from '../src/lib/server/queries/users';
import { findOrganisationIdsBySlug } from '../src/lib/server/queries/ministry';
import { InputError } from '../src/lib/server/errors';
import { createUser, setTemporaryPassword } from '../src/lib/server/services/users';

const USAGE = `usage:
  npm run user -- add --email EMAIL --name "NAME" --role admin|clerk|mp [--committee SLUG]...
  npm run user -- add --email EMAIL --name "NAME" --role ministry --organisation SLUG...
  npm run user -- password --email EMAIL
  npm run user -- list
The password is read from standard input.`;

class UsageError extends Error {}

const CLI_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'system (command line)' };

const addSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email('--email is not a valid email address')),
	name: z.string().trim().min(1, '--name is required').max(200, '--name is too long'),
	role: z.enum(['admin', 'clerk', 'mp', 'ministry'], '--role must be admin, clerk, mp or ministry'),
	committee: z.array(z.string().trim().min(1)).default([]),
	organisation: z.array(z.string().trim().min(1)).default([])
});

/** Reads one line from stdin: hidden while typing on a terminal, or the first piped line. */
async function readPassword(prompt: string): Promise<string> {
	const input = process.stdin;
	if (!input.isTTY) {
		const chunks: Buffer[] = [];
		for await (const chunk of input) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
	}
	const rl = createInterface({ input, output: process.stderr, terminal: true });
	// Print the prompt, then keep what is typed off the screen.
	const output = rl as unknown as {
		_writeToOutput: (s: string) => void;
		output: NodeJS.WriteStream;
	};
	process.stderr.write(prompt);
	output._writeToOutput = () => {};
	const line = await new Promise<string>((resolve) => rl.question('', resolve));
	rl.close();
	process.stderr.write('\n');
	return line;
}

async function add(db: Database, args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			committee: { type: 'string', multiple: true },
			organisation: { type: 'string', multiple: true }
		},
		strict: true
	});
	const parsed = addSchema.safeParse(values);
	if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('\n'));
	const { email, name, role, committee: slugs, organisation: orgSlugs } = parsed.data;
	if (role === 'ministry' && orgSlugs.length === 0) {
		throw new UsageError('a ministry user needs at least one --organisation SLUG');
	}
	if (role !== 'ministry' && orgSlugs.length > 0) {
		throw new UsageError('--organisation is for ministry users only');
	}
	if (role === 'ministry' && slugs.length > 0) {
		throw new UsageError('--committee is not for ministry users');
	}
	const organisations = await findOrganisationIdsBySlug(db, orgSlugs);
	const unknownOrgs = orgSlugs.filter((s) => !organisations.some((o) => o.slug === s));
	if (unknownOrgs.length > 0) {
		throw new UsageError(`no organisation has the slug: ${unknownOrgs.join(', ')}`);
	}
	if (role === 'admin' && slugs.length > 0) {
		throw new UsageError('--committee is for clerks and MPs, not admins');
	}
	if (role === 'clerk' && slugs.length === 0) {
		throw new UsageError('a clerk needs at least one --committee SLUG');
	}
	if (await getUserByEmail(db, email)) throw new UsageError(`a user with ${email} already exists`);
	const committees = await findCommitteesBySlug(db, slugs);
	const unknown = slugs.filter((s) => !committees.some((c) => c.slug === s));
	if (unknown.length > 0) throw new UsageError(`no committee has the slug: ${unknown.join(', ')}`);

	const password = await readPassword(`Password for ${email}: `);
	const policy = passwordPolicyError(password);
	if (policy) throw new UsageError(policy);

	const id = await createUser(db, CLI_ACTOR, {
		email,
		name,
		role: role as Role,
		committeeIds: committees.map((c) => c.id),
		organisationIds: organisations.map((o) => o.id),
		password,
		mustChangePassword: false
	});
	const scope = [...slugs, ...orgSlugs];
	const where = scope.length > 0 ? ` for ${scope.join(', ')}` : '';
	console.log(`created user ${id}: ${name} <${email}>, ${role}${where}`);
}

async function password(db: Database, args: string[]) {
	const { values } = parseArgs({ args, options: { email: { type: 'string' } }, strict: true });
	const email = values.email?.trim().toLowerCase();
	if (!email) throw new UsageError('--email is required');
	const user = await getUserByEmail(db, email);
	if (!user) throw new UsageError(`no user has the email ${email}`);
	const pw = await readPassword(`Temporary password for ${email}: `);
	const policy = passwordPolicyError(pw);
	if (policy) throw new UsageError(policy);
	await setTemporaryPassword(db, CLI_ACTOR, user.id, pw);
	console.log(
		`temporary password set for ${email}: it must be changed at next sign-in; sessions ended`
	);
}

async function list(db: Database) {
	const { rows, total } = await listUsers(db, { pageSize: 200 });
	if (total === 0) console.log('no users yet');
	for (const u of rows) {
		const committees = u.committees.map((c) => c.slug).join(',') || '-';
		const status = u.disabledAt ? 'disabled' : u.mustChangePassword ? 'must-change' : 'active';
		console.log([u.id, u.email, u.role, status, committees, u.name].join('\t'));
	}
	if (total > rows.length) console.log(`… and ${total - rows.length} more`);
}

async function main() {
	const [command, ...rest] = process.argv.slice(2);
	if (!command || !['add', 'password', 'list'].includes(command)) throw new UsageError(USAGE);
	const db = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	try {
		await migrateToLatest(db);
		if (command === 'add') await add(db, rest);
		else if (command === 'password') await password(db, rest);
		else await list(db);
	} finally {
		await db.destroy();
	}
}

main().catch((err: unknown) => {
	const usage = err instanceof UsageError || err instanceof InputError;
	const isArgError =
		err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');
	const message = err instanceof Error ? err.message : String(err);
	console.error(`user: ${message}`);
	if (isArgError) console.error(USAGE);
	process.exit(usage || isArgError ? 2 : 1);
});

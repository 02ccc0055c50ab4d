// Writes the bad-input fixtures (tests/fixtures/transcripts/bad/, described in the corpus
// README). Run once and commit the results; tests never run it (pdftoppm and qpdf may be
// missing on CI).
//
//   npx tsx scripts/transcripts/make-bad.ts [--force]
//
// scanned.pdf  two pages that are only images (a Hansard page rendered by pdftoppm), no text
// fake.pdf     a PNG renamed
// truncated.pdf the first half of a corpus PDF
// encrypted.pdf a corpus PDF encrypted by qpdf (AES-256, user password "user"); kept when it
//              exists, since qpdf writes random keys (--force makes it again)
// no-speakers.txt, mixed-encoding.txt: text (the second with Windows-1252 lines among UTF-8 ones)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { CORPUS_DIR } from './make-pdf';

const BAD = join(CORPUS_DIR, 'bad');
const ORIGINAL = join(CORPUS_DIR, 'dcais-2025-04-15-interior.pdf');
const force = process.argv.includes('--force');

function run(cmd: string, args: string[]) {
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function scanned() {
	const tmp = mkdtempSync(join(tmpdir(), 'ahadi-scan-'));
	try {
		run('pdftoppm', ['-png', '-gray', '-r', '60', '-f', '1', '-l', '2', ORIGINAL, join(tmp, 'p')]);
		const pdf = await PDFDocument.create({ updateMetadata: false });
		const date = new Date('2025-04-16T07:00:00Z');
		pdf.setCreationDate(date);
		pdf.setModificationDate(date);
		pdf.setProducer('Ahadi test corpus (scripts/transcripts/make-bad.ts)');
		let first: Uint8Array | null = null;
		for (const name of ['p-1.png', 'p-2.png']) {
			const png = readFileSync(join(tmp, name));
			first ??= png;
			const image = await pdf.embedPng(png);
			const page = pdf.addPage([595.28, 841.89]);
			page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
		}
		writeFileSync(join(BAD, 'scanned.pdf'), await pdf.save({ useObjectStreams: false }));
		// A PNG with a .pdf name: the first page's image.
		writeFileSync(join(BAD, 'fake.pdf'), first!);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

function truncated() {
	const bytes = readFileSync(ORIGINAL);
	writeFileSync(join(BAD, 'truncated.pdf'), bytes.subarray(0, Math.floor(bytes.length / 2)));
}

function encrypted() {
	const out = join(BAD, 'encrypted.pdf');
	if (existsSync(out) && !force) return;
	run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', ORIGINAL, out]);
}

const NO_SPEAKERS = `The Departmental Committee on Lands met on a Tuesday morning to consider the state of land
registries in the counties. Members had visited registries in Kisumu, Nakuru and Machakos in
the previous month and had found files stacked in corridors, registers that had not been
digitised and long queues of members of the public waiting for searches.

The committee's report notes that the digitisation programme started in 2021 and that about
half of the registries had been connected to the Ardhisasa platform by the end of 2024. It
records the complaints of advocates and surveyors about delays in the registration of
transfers, and the concern of Members about the loss of files.

The report closes with a summary of the visits, a table of the registries visited and the
number of files each held, and a list of the officers met at each registry. No officer of the
Ministry appeared before the committee on that day, and no undertaking was recorded.
`;

// The undertaking's own words are ASCII, so they read the same whichever way a line is decoded;
// the lines around them carry the Windows-1252 bytes (curly quotes, en dash, é).
const MIXED: { text: string; cp1252: boolean }[] = [
	{ text: 'DEPARTMENTAL COMMITTEE ON HEALTH – Thursday, 9th October, 2025', cp1252: false },
	{ text: '', cp1252: false },
	{ text: 'MEETING WITH THE CABINET SECRETARY FOR HEALTH', cp1252: false },
	{ text: '', cp1252: false },
	{
		text: 'The Chairperson (Hon. (Dr) James Nyikal): Cabinet Secretary, Members are concerned about the “café” clinics that claim from the Authority. Please respond.',
		cp1252: true
	},
	{ text: '', cp1252: false },
	{
		text: 'The Cabinet Secretary for Health (Hon. Aden Duale): Thank you, Chair – the Authority has suspended 41 facilities found making false claims. We will publish the names of all suspended facilities on the Social Health Authority website within seven days.',
		cp1252: true
	},
	{ text: '', cp1252: false },
	{
		text: 'Hon. Zamzam Mohamed (Mombasa County, ODM): Mhe. Mwenyekiti, wananchi wanauliza – je, pesa zilizolipwa kwa “hospitali hewa” zitarudishwa lini?',
		cp1252: false
	},
	{ text: '', cp1252: false },
	{
		text: 'The Chairperson (Hon. (Dr) James Nyikal): Thank you. We shall now proceed to the next item.',
		cp1252: false
	}
];

function cp1252(text: string): Buffer {
	const map: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '’': 0x92 };
	return Buffer.from(
		[...text].map((c) => map[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f))
	);
}

async function main() {
	await scanned();
	truncated();
	encrypted();
	writeFileSync(join(BAD, 'no-speakers.txt'), NO_SPEAKERS);
	const parts = MIXED.flatMap((l) => [
		l.cp1252 ? cp1252(l.text) : Buffer.from(l.text, 'utf8'),
		Buffer.from('\n')
	]);
	writeFileSync(join(BAD, 'mixed-encoding.txt'), Buffer.concat(parts));
	console.log(`written to ${BAD}`);
}

await main();

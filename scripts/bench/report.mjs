// The bench's one table, in Markdown (readable in a terminal too), with the targets checked.

const KB = 1024;
const fmt = (/** @type {number} */ n, digits = 0) =>
	n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (/** @type {number} */ r) => `${fmt(r * 100)}%`;
const ms = (/** @type {number} */ v) => (v < 10 ? fmt(v, 2) : fmt(v, 1));
const mark = (/** @type {boolean} */ ok) => (ok ? '✓' : '✗');
const short = (/** @type {number} */ n) => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * @param {{ sizes: number[], results: any, clientJs: Record<string, { charts: boolean, files: number, gzipBytes: number, totalGzipBytes: number }>,
 *   quick: boolean, machine: string, duration: number, connections: number, renderConnections: number, refusedPerSecond?: number, seconds: number, at: string }} input
 */
export function formatReport(input) {
	const { sizes, results, clientJs } = input;
	const first = /** @type {number} */ (sizes[0]);
	const last = /** @type {number} */ (sizes[sizes.length - 1]);
	const both = sizes.length > 1;
	const bare = results[last].baselines.bare;
	const kit = results[last].baselines.kit;

	const head = ['page', 'mode'];
	for (const s of sizes) head.push(`req/s ${short(s)}`, `p50 ms ${short(s)}`);
	head.push(`p99 ms ${short(last)}`, 'errors', `vs bare ${short(last)}`, `vs kit ${short(last)}`);
	if (both) head.push(`p50 ${short(last)}/${short(first)}`);
	head.push(`SQL/req ${sizes.map(short).join(' / ')}`, `KB ${sizes.map(short).join(' / ')}`);

	/** @type {string[][]} */
	const rows = [];
	/** @type {string[]} */
	const checks = [];
	for (const key of Object.keys(results[first].pages)) {
		const [name, mode] = key.split('|');
		const at = sizes.map((s) => results[s].pages[key]);
		const big = at[at.length - 1];
		const row = [name ?? '', mode ?? ''];
		for (const m of at) row.push(fmt(m.rps), ms(m.p50));
		// Public pages against the bare server answering their own bytes; others the dashboard's.
		const ownBare = results[last].bare?.[name ?? ''] ?? bare;
		const ratioBare = big.rps / ownBare.rps;
		const ratioKit = big.rps / kit.rps;
		const p50Ratio = at[0].p50 > 0 ? big.p50 / at[0].p50 : 1;
		row.push(ms(big.p99), fmt(at.reduce((n, m) => n + m.errors, 0)), pct(ratioBare), pct(ratioKit));
		if (both) row.push(`${fmt(p50Ratio, 2)}×`);
		// A cached answer repeats the header of the render that filled the cache: the same
		// page's cache-off row has the count of a render in the steady state.
		const sqlOf = sizes.map((s, i) =>
			mode === 'cache on' ? (results[s].pages[`${name}|cache off`] ?? at[i]) : at[i]
		);
		row.push(sqlOf.map((m) => (m.queries === null ? '–' : String(m.queries))).join(' / '));
		row.push(at.map((m) => fmt(m.bytes / KB)).join(' / '));
		rows.push(row);
		if (mode === 'cache on') {
			checks.push(
				`${mark(ratioBare >= 0.5)} ${name}: ${pct(ratioBare)} of bare req/s (target ≥ 50%)`
			);
		}
		if (mode === 'signed in') {
			checks.push(
				`${mark(ratioKit >= 0.75)} ${name}: ${pct(ratioKit)} of the trivial SvelteKit page (target ≥ 75%)`
			);
		}
		if (both)
			checks.push(
				`${mark(p50Ratio <= 1.5)} ${name} (${mode}): p50 ${short(last)}/${short(first)} = ${fmt(p50Ratio, 2)}× (target ≤ 1.5×)`
			);
	}
	for (const [label, key] of [
		['bare node:http, dashboard bytes', 'bare'],
		['trivial SvelteKit page (/about)', 'kit']
	]) {
		const at = sizes.map((s) => results[s].baselines[/** @type {string} */ (key)]);
		const big = at[at.length - 1];
		const row = [/** @type {string} */ (label), 'baseline'];
		for (const m of at) row.push(fmt(m.rps), ms(m.p50));
		row.push(
			ms(big.p99),
			fmt(at.reduce((n, m) => n + m.errors, 0)),
			pct(big.rps / bare.rps),
			pct(big.rps / kit.rps)
		);
		if (both) row.push(`${fmt(at[0].p50 > 0 ? big.p50 / at[0].p50 : 1, 2)}×`);
		row.push(at.map((m) => (m.queries === null ? '–' : String(m.queries))).join(' / '));
		row.push(at.map((m) => fmt(m.bytes / KB)).join(' / '));
		rows.push(row);
	}

	const lines = [
		`# Ahadi bench${input.quick ? ' (quick)' : ''}`,
		'',
		`${input.at}; ${input.machine}.`,
		`autocannon over loopback on the same machine, ${input.duration} s per row after a 1 s warm-up: ${input.connections} connections for cached pages and the bare baseline, ${input.renderConnections} for pages SvelteKit renders (cache off, signed in) and for the trivial SvelteKit page they are compared with (CPU-bound either way, and fewer connections keep a slow page from queueing minutes of work). A row with no request finished within the run shows the idle single-request time as p50/p99; synthetic databases of ${sizes.map((s) => fmt(s)).join(' and ')} commitments. "cache on" is the production setting (server/index.js); "cache off" is AHADI_CACHE=off (every request rendered by SvelteKit). SQL/req counts the statements of one render in the steady state (cached rows: their cache-off render): an aggregate remembered until the next write (src/lib/server/db/memo.ts) costs one statement, the check of the audit log. Figures from a shared 2-core machine are noisy.`,
		'',
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
		''
	];
	for (const s of sizes) {
		const under = results[s].underRefused;
		const quiet = under && results[s].pages[`${under.page}|cache on`];
		if (!under || !quiet) continue;
		const ratio = under.rps / quiet.rps;
		lines.push(
			`- ${under.page}, cache on, at ${fmt(s)} while another client sends ${fmt(input.refusedPerSecond ?? 100)} refused requests a second (POST to a missing path, OPTIONS, a form post without Origin, DELETE; ${fmt(under.refused.sent)} sent, ${fmt(under.refused.accepted)} accepted): ${fmt(under.rps)} req/s, p50 ${ms(under.p50)} ms, p99 ${ms(under.p99)} ms; quiet: ${fmt(quiet.rps)} req/s (${pct(ratio)}).`
		);
		checks.push(
			`${mark(ratio >= 0.8 && under.refused.accepted === 0)} ${under.page} under refused requests at ${fmt(s)}: ${pct(ratio)} of the quiet row's req/s (target ≥ 80%)`
		);
	}
	for (const s of sizes) {
		const rss = results[s].peakRssMb;
		lines.push(
			`- Peak server memory (RSS) at ${fmt(s)}: ${fmt(rss)} MB with the cache, ${fmt(results[s].peakRssMbUncached)} MB without.`
		);
		if (s === last)
			checks.push(`${mark(rss < 250)} peak RSS at ${fmt(s)}: ${fmt(rss)} MB (target < 250 MB)`);
	}
	const kb = (/** @type {number} */ bytes) => `${fmt(bytes / KB, 1)} KB`;
	// HTML pages only (the bench leaves JSON answers out); a page with charts is one with a
	// canvas for /charts.js, whose gzipped size is part of its total.
	const pagesJs = Object.entries(clientJs);
	const js = pagesJs
		.map(([page, j]) => `${page} ${kb(j.totalGzipBytes)}${j.charts ? ' (charts)' : ''}`)
		.join('; ');
	lines.push(
		`- Client JavaScript, gzipped, everything a page loads (lazy chunks included): ${js}.`
	);
	for (const [page, j] of pagesJs) {
		const limit = j.charts ? 100 : 40;
		const what = j.charts ? 'page with charts' : 'page without charts';
		checks.push(
			`${mark(j.totalGzipBytes / KB < limit)} JS ${page} (${what}): ${kb(j.totalGzipBytes)} (target < ${limit} KB)`
		);
	}
	const imp = results.import;
	const ratio = imp.seconds / imp.bareSeconds;
	lines.push(
		`- CSV import of ${fmt(imp.rows)} budget figures: ${fmt(imp.seconds, 2)} s (${fmt(imp.rows / imp.seconds)} rows/s) with \`npm run import\`; bare prepared INSERT in one transaction (read + parse + insert): ${fmt(imp.bareSeconds, 2)} s (${fmt(imp.rows / imp.bareSeconds)} rows/s); ${fmt(ratio, 1)}× the baseline.`
	);
	checks.push(`${mark(ratio <= 3)} CSV import: ${fmt(ratio, 1)}× the bare insert (target ≤ 3×)`);
	const mem = results.importMemory;
	if (mem) {
		lines.push(
			`- The largest allowed CSV (${fmt(mem.bytes / KB / KB, 1)} MB, ${fmt(mem.rows)} figures) uploaded, previewed and imported through the server: idle RSS ${fmt(mem.idleRssMb)} MB, peak RSS ${fmt(mem.previewPeakRssMb)} MB by the end of the preview and ${fmt(mem.peakRssMb)} MB by the end of the import (preview ${fmt(mem.previewSeconds, 1)} s, done after ${fmt(mem.seconds, 1)} s).`
		);
	}
	const up = results.uploadMemory;
	if (up) {
		lines.push(
			`- ${fmt(up.uploads)} documents of ${fmt(up.bytesEach / KB / KB, 1)} MB uploaded by a ministry at the same time: idle RSS ${fmt(up.idleRssMb)} MB, peak RSS ${fmt(up.peakRssMb)} MB (${fmt(up.seconds, 1)} s). Each file is streamed to a temporary file and stored in 256 KiB chunks, never held whole.`,
			...(up.reader
				? [
						`- The upload reader alone: peak RSS grows by ${up.reader.map((/** @type {{ sizeMb: number, peakGrowthMb: number }} */ r) => `${fmt(r.peakGrowthMb, 1)} MB for a ${fmt(r.sizeMb)} MB body`).join(', ')}: the growth does not follow the size. What remains of the server's growth above is buffers not yet collected.`
					]
				: [])
		);
	}
	if (results.transcripts) {
		const t = formatTranscripts(results.transcripts);
		lines.push(...t.lines);
		checks.push(...t.checks);
	}
	if (results.alerts) {
		const a = formatAlerts(results.alerts);
		lines.push(...a.lines);
		checks.push(...a.checks);
	}
	lines.push(
		'',
		'## Targets',
		'',
		...checks.map((c) => `- ${c}`),
		'',
		`Bench took ${fmt(input.seconds)} s.`,
		''
	);
	return lines.join('\n');
}

/**
 * The transcripts row (scripts/bench/transcripts.ts): lines for the report and its checks.
 * @param {{ documents: number, tp: number, fp: number, undertakings: number, found: number, precision: number, recall: number,
 *   heldOut?: { documents: number, tp: number, fp: number, undertakings: number, found: number, precision: number, recall: number } | null,
 *   large: { pages: number, bytes: number, medianMs: number, warmMedianMs: number, maxRssMb: number, runs: { ms: number, warmMs: number, rssBeforeMb: number }[] },
 *   small: { pages: number, bytes: number, medianMs: number, warmMedianMs: number, maxRssMb: number, runs: { ms: number, warmMs: number, rssBeforeMb: number }[] },
 *   pdftotext: { version: string, runsMs: number[], medianMs: number } | null, runner?: string, ratio: number | null, warmRatio: number | null, error: string | null }} t
 */
export function formatTranscripts(t) {
	const s = (/** @type {number} */ v) => `${fmt(v / 1000, 2)} s`;
	const runs = (/** @type {number[]} */ xs) => xs.map((x) => fmt(x / 1000, 2)).join(', ');
	const before = Math.min(
		...t.large.runs.map((r) => r.rssBeforeMb),
		...t.small.runs.map((r) => r.rssBeforeMb)
	);
	const memoryRatio = t.large.maxRssMb / t.small.maxRssMb;
	const lines = [
		`- Transcripts, labelled corpus (${fmt(t.documents)} documents, tests/fixtures/transcripts): precision ${pct(t.precision)} (${fmt(t.tp)} of ${fmt(t.tp + t.fp)} candidates), recall ${pct(t.recall)} (${fmt(t.found)} of ${fmt(t.undertakings)} undertakings)${t.error ? `; an extraction failed: ${t.error}` : ''}.`,
		...(t.heldOut
			? [
					`- Held-out documents (${fmt(t.heldOut.documents)}, tests/fixtures/transcripts/held-out, written after the extractor): precision ${pct(t.heldOut.precision)} (${fmt(t.heldOut.tp)} of ${fmt(t.heldOut.tp + t.heldOut.fp)}), recall ${pct(t.heldOut.recall)} (${fmt(t.heldOut.found)} of ${fmt(t.heldOut.undertakings)}).`
				]
			: []),
		`- A generated ${t.large.pages}-page Hansard PDF (${fmt(t.large.bytes / KB)} KB) read and scored in ${s(t.large.medianMs)} (median of ${t.large.runs.length}: ${runs(t.large.runs.map((r) => r.ms))} s; a fresh process each${t.runner ? `, ${t.runner}` : ''}, modules loaded)${
			t.pdftotext
				? `; pdftotext (${t.pdftotext.version}) ${s(t.pdftotext.medianMs)} (median of ${t.pdftotext.runsMs.length}: ${runs(t.pdftotext.runsMs)} s, process start included): ${fmt(t.ratio ?? 0, 1)}× pdftotext.`
				: '; pdftotext is not installed here, so no comparison.'
		} A second extraction in the same process (pdf.js set up, as in the running server): ${s(t.large.warmMedianMs)}${t.warmRatio === null ? '' : ` (${fmt(t.warmRatio, 1)}× pdftotext)`}; ${t.small.pages} pages: ${s(t.small.medianMs)} first, ${s(t.small.warmMedianMs)} second.`,
		`- Peak RSS of the extraction's process: ${fmt(t.large.maxRssMb)} MB at ${t.large.pages} pages, ${fmt(t.small.maxRssMb)} MB at ${t.small.pages} pages (${fmt(t.small.bytes / KB)} KB); ${fmt(before)} MB before reading.`
	];
	const checks = [
		`${mark(t.recall >= 0.9)} transcripts: recall ${pct(t.recall)} (target ≥ 90%)`,
		`${mark(t.precision >= 0.7)} transcripts: precision ${pct(t.precision)} (target ≥ 70%)`,
		t.ratio === null
			? `– transcripts: ${t.large.pages} pages vs pdftotext not measured (pdftotext not installed)`
			: `${mark(t.ratio <= 3)} transcripts: ${t.large.pages} pages in ${fmt(t.ratio, 1)}× pdftotext's time (target ≤ 3×)`,
		`${mark(memoryRatio <= 1.5)} transcripts: peak RSS at ${t.large.pages} pages ${fmt(memoryRatio, 2)}× that at ${t.small.pages} pages (target ≤ 1.5×: memory bounded whatever the size)`
	];
	return { lines, checks };
}

/**
 * The alerts row (scripts/bench/alerts.ts): lines for the report and its checks. The sizes are
 * printed beside the figures: `--quick` measures a smaller database.
 * @param {{ today: string, commitments: number, followers: number,
 *   pass: { ms: number, queued: number, maxRssMb: number },
 *   sender: { messages: number, bareRate: number, ahadiRate: number, share: number, received: number } }} a
 */
export function formatAlerts(a) {
	const lines = [
		`- Alerts, one scheduled pass as of ${a.today} over ${fmt(a.commitments)} commitments with ${fmt(a.followers)} followers (npm run bench:alerts; a process of its own, SQLite): ${fmt(a.pass.ms / 1000, 2)} s, ${fmt(a.pass.queued)} messages queued, peak RSS ${fmt(a.pass.maxRssMb)} MB.`,
		`- Alerts, the outbox sender: ${fmt(a.sender.messages)} messages to a local SMTP sink at ${fmt(a.sender.ahadiRate)}/s, against ${fmt(a.sender.bareRate)}/s for a bare nodemailer loop (pooled transport) sending the same messages to the same sink: ${pct(a.sender.share)}.`
	];
	const checks = [
		`${mark(a.sender.share >= 0.8)} alerts sender: ${pct(a.sender.share)} of bare nodemailer's rate (target ≥ 80%)`
	];
	return { lines, checks };
}

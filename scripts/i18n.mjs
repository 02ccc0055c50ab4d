// Compiles messages/{locale}.json into src/lib/paraglide with the Vite plugin's options, then
// checks the result. The inlang SDK only *warns* when it cannot load its message-format plugin
// (a wrong path in project.inlang/settings.json) and then emits no messages at all, so this
// fails loudly instead: every key of every locale file must be a compiled message, and every
// locale must have the same keys.
import { compile } from '@inlang/paraglide-js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);

const settings = JSON.parse(
	await readFile(path.join(paraglideOptions.project, 'settings.json'), 'utf8')
);
const pattern = settings['plugin.inlang.messageFormat'].pathPattern;
const compiled = await import(
	pathToFileURL(path.resolve(paraglideOptions.outdir, 'messages/_index.js')).href
);
const problems = [];
const keysByLocale = {};
for (const locale of settings.locales) {
	const file = pattern.replace('{locale}', locale);
	const keys = Object.keys(JSON.parse(await readFile(file, 'utf8'))).filter((k) => k !== '$schema');
	keysByLocale[locale] = new Set(keys);
	for (const key of keys) {
		if (typeof compiled[key] !== 'function') problems.push(`${file}: "${key}" was not compiled`);
	}
}
const base = keysByLocale[settings.baseLocale];
for (const locale of settings.locales) {
	for (const key of base) {
		if (!keysByLocale[locale].has(key)) problems.push(`${locale}: missing translation "${key}"`);
	}
	for (const key of keysByLocale[locale]) {
		if (!base.has(key)) problems.push(`${locale}: "${key}" is not in ${settings.baseLocale}`);
	}
}
if (problems.length > 0) {
	console.error(`i18n: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`i18n: ${base.size} messages compiled for ${settings.locales.join(', ')}`);

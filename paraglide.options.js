// One set of Paraglide compiler options, used by the Vite plugin (dev, build) and by
// scripts/i18n.mjs (prepare, prebuild, check; also what Vitest uses).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The URL alone decides the language: /sw/... is Kiswahili, everything else English.
	strategy: ['url', 'baseLocale'],
	// SvelteKit's default is no trailing slash: localizeHref('/') gives '/sw', not '/sw/'.
	trailingSlash: 'never'
};

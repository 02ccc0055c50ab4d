import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

export default defineConfig({
	plugins: [
		// Under Vitest the messages come from `node scripts/i18n.mjs` (npm prepare, scripts/test.mjs):
		// the plugin's compile leaves file handles open and stalls Vitest's exit.
		process.env.VITEST ? [] : paraglideVitePlugin(paraglideOptions),
		sveltekit()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		pool: 'forks'
	}
});

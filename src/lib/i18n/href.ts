import { localizeHref } from '$lib/paraglide/runtime';

/**
 * An app path in the current page's language: '/commitments' stays '/commitments' in English
 * and becomes '/sw/commitments' in Kiswahili. The result keeps the argument's type, so wrapping
 * it in resolve() still checks the path against the app's routes and keeps
 * svelte/no-navigation-without-resolve on: `href={resolve(localized('/commitments'))}`.
 */
export function localized<P extends string>(path: P): P {
	return localizeHref(path) as P;
}

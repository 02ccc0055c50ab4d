// Where the pack links to, in the page's language.
import { resolve } from '$app/paths';
import { localized } from '$lib/i18n/href';

export const commitmentHref = (ref: string) =>
	resolve(localized(`/commitments/${encodeURIComponent(ref)}`));

/** The explorer, for one committee, with the given filters. */
export const explorerHref = (committee: string, params: Record<string, string>) =>
	resolve(localized(`/commitments?${new URLSearchParams({ committee, ...params })}`));

import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /sw/commitments is routed as /commitments: same route, same route.id, locale taken from the URL.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;

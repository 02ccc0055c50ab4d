// The office choices for a person: the offices they hold (from office_holdings) first, then
// the rest. With no person chosen yet, offices are grouped by who holds them, so a clerk
// without JavaScript still finds a person's office under their name.
type Option = { id: number; label: string };
export interface Holding {
	personId: number;
	officeId: number;
}
export interface OptionGroup {
	label: string;
	options: { value: number; label: string }[];
}

export function officeGroups(
	offices: Option[],
	people: Option[],
	holdings: Holding[],
	personId: string,
	words: { heldBy: (name: string) => string; other: string }
): OptionGroup[] {
	const byId = new Map(offices.map((o) => [o.id, o]));
	const heldBy = (pid: number) => [
		...new Set(
			holdings.filter((h) => h.personId === pid && byId.has(h.officeId)).map((h) => h.officeId)
		)
	];
	const option = (id: number) => ({ value: id, label: byId.get(id)!.label });
	const chosen = people.find((p) => String(p.id) === personId);
	const groups: OptionGroup[] = [];
	const grouped = new Set<number>();
	for (const person of chosen ? [chosen] : people) {
		const held = heldBy(person.id);
		if (held.length === 0) continue;
		groups.push({ label: words.heldBy(person.label), options: held.map(option) });
		for (const id of held) grouped.add(id);
	}
	const rest = offices.filter((o) => !grouped.has(o.id));
	if (rest.length > 0) {
		groups.push({ label: words.other, options: rest.map((o) => option(o.id)) });
	}
	return groups;
}

// The parts of the Frictionless `datapackage` library (plain JavaScript) that the open data
// checks use.
declare module 'datapackage' {
	interface Profile {
		readonly name: string | null;
		validate(descriptor: object): { valid: boolean; errors: Error[] };
	}
	interface Resource {
		readonly name: string;
		readonly valid: boolean;
		readonly errors: Error[];
		read(options: { cast?: boolean; forceCast?: boolean }): Promise<unknown[]>;
	}
	interface Package {
		readonly valid: boolean;
		readonly errors: Error[];
		readonly profile: Profile;
		readonly resources: Resource[];
	}
	const datapackage: {
		Package: {
			load(descriptor: object, options: { basePath?: string; strict?: boolean }): Promise<Package>;
		};
		Profile: { load(profile: string): Promise<Profile> };
	};
	export default datapackage;
}

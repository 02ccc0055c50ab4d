// Compile-time checks: the domain's status types equal the database schema's. Vitest does not
// check types (expectTypeOf does nothing under `vitest run`); `npm run check` does, since
// svelte-check type-checks tests/. Change one side only and `npm run check` fails here.
import type * as Schema from '$lib/server/db/schema';
import type {
	BudgetPhase,
	CommitmentType,
	DeliveryStatus,
	EconomicClass,
	EvidenceType,
	FundingStatus,
	MilestoneStatus,
	ProceduralStatus,
	Visibility
} from '$lib/domain/status';

type Equal<A, B> =
	(<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type StatusTypesMatchTheSchema = [
	Assert<Equal<DeliveryStatus, Schema.DeliveryStatus>>,
	Assert<Equal<ProceduralStatus, Schema.ProceduralStatus>>,
	Assert<Equal<FundingStatus, Schema.FundingStatus>>,
	Assert<Equal<CommitmentType, Schema.CommitmentType>>,
	Assert<Equal<Visibility, Schema.Visibility>>,
	Assert<Equal<MilestoneStatus, Schema.MilestoneStatus>>,
	Assert<Equal<EvidenceType, Schema.EvidenceType>>,
	Assert<Equal<BudgetPhase, Schema.BudgetPhase>>,
	Assert<Equal<EconomicClass, Schema.EconomicClass>>
];

// TEMPORARY (issue 14): the errors moved to ../errors. Only import-jobs.ts still imports them
// from here, and its SQL and imports are being reworked on another branch; delete this file
// when that branch is merged and import-jobs.ts imports '../errors'.
export { InputError, NotFoundError, StaleRecordError } from '../errors';

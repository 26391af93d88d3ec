/**
 * The scenario: its fields as data (`fields.ts`), the types derived from them (`types.ts`), the
 * cross-field rules and limits (`rules.ts`), the validator (`validate.ts`) and the fields'
 * descriptions (`docs.ts`). Re-exports only; the rules' English messages (`rule-messages.ts`)
 * are imported by the validator alone, so browser code that coerces never carries them.
 */
export * from './docs';
export * from './fields';
export * from './rules';
export { accepts, describeSpec } from './spec';
export * from './types';
export * from './validate';

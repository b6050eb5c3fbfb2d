/**
 * The truth checks: deterministic detection of facts a rewrite adds to a CV.
 */
export { checkEdit, checkField, type FieldContext } from './check-edit';
export { buildGroundingIndex, type GroundingIndex } from './grounding';
export { STEMS_ONLY, type LexicalResource } from './lexical';
export { verifyCv } from './verify-cv';
export { revertNumbers, type RevertResult } from './revert';
export { describeFinding, findingKindLabel } from './describe';
export { extractQuantities, quantityMatches, type Quantity, type QuantityKind } from './quantities';
export {
  FINDING_KINDS,
  severityOf,
  type CheckEditInput,
  type FindingKind,
  type FindingSeverity,
  type KnownSkillPredicate,
  type SkillAliasLookup,
  type TruthFinding,
  type VerifyOptions,
} from './types';

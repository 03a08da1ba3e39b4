/** The shapes of the codes the NHS files and the API use (ODS, ONS), one definition for both. */
export const PRACTICE_CODE = /^[A-Z][0-9]{5}$/;
export const CCG_CODE = /^[0-9A-Z]{3}$/;
export const REGION_CODE = /^[A-Z][0-9A-Z]{2}$/;
/** A UK postcode, upper-case, one space at most (e.g. TS6 0HA). */
export const POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/;
/** Names of regions, area teams, CCGs and practices. */
export const MAX_NAME_LENGTH = 200;

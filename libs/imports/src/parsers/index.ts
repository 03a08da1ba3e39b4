import type { Readable } from 'node:stream';
import { FormatSpec, runFormat } from './engine';
import { epraccurSpec } from './epraccur';
import { ccgCodesSpec, ccgLookupSpec, ccgsSpec, regionsSpec } from './geography';
import { listSizeGpRegSpec, listSizeQuarterlySpec } from './list-size';
import { pomiLongSpec, pomiWideSpec } from './pomi';
import { statusCsvSpec } from './status-csv';
import type { FormatRecordMap, ImportFormat, ParseEvent, ParseOptions } from './types';

export * from './types';
export { combineOnsCcgLookups, ONS_REGION_TO_ODS } from './geography';
export { listSizeEffectiveDateFromFileName, NO_REGISTERED_LIST, NOT_ALL_AGES_TOTAL, NOT_GP_TYPE } from './list-size';
export { NOT_A_GP_PRACTICE } from './epraccur';
export { FIELD_NOT_IMPORTED, LEVEL_NOT_KNOWN, LIST_SIZE_NOT_IMPORTED, pomiSystemEnabledLevel, UPTAKE_NOT_IMPORTED } from './pomi';

const SPECS: { [F in ImportFormat]: FormatSpec<FormatRecordMap[F]> } = {
  epraccur: epraccurSpec,
  regions: regionsSpec,
  ccgs: ccgsSpec,
  'ccg-lookup': ccgLookupSpec,
  'ccg-codes': ccgCodesSpec,
  'list-size-quarterly': listSizeQuarterlySpec,
  'list-size-gp-reg': listSizeGpRegSpec,
  'pomi-wide': pomiWideSpec,
  'pomi-long': pomiLongSpec,
  'status-csv': statusCsvSpec,
};

/**
 * Streams `stream` (bytes of a CSV file) through the parser of `format`. Yields, in file order,
 * `{ kind: 'record' }` and `{ kind: 'problem' }` events, then exactly one `{ kind: 'summary' }` as the last
 * event. Never throws for bad input: an unreadable file ends with a problem marked `fatal` and the
 * summary's `fatal` set. The next chunk of `stream` is read only when the consumer asks for more events.
 */
export function parseFile<F extends ImportFormat>(
  stream: Readable,
  format: F,
  options: ParseOptions = {},
): AsyncGenerator<ParseEvent<FormatRecordMap[F]>, void, undefined> {
  const spec = SPECS[format] as FormatSpec<FormatRecordMap[F]> | undefined;
  if (!spec) throw new TypeError(`unknown import format: ${String(format)}`);
  return runFormat(stream, spec, options);
}

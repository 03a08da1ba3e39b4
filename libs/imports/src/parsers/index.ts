import type { Readable } from 'node:stream';
import { FormatSpec, runFormatBatches } from './engine';
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
export {
  FIELD_NOT_IMPORTED,
  LEVEL_NOT_KNOWN,
  LIST_SIZE_NOT_GIVEN,
  LIST_SIZE_NOT_IMPORTED,
  pomiSystemEnabledLevel,
  UPTAKE_NOT_IMPORTED,
} from './pomi';

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

function specOf<F extends ImportFormat>(format: F): FormatSpec<FormatRecordMap[F]> {
  const spec = SPECS[format] as FormatSpec<FormatRecordMap[F]> | undefined;
  if (!spec) throw new TypeError(`unknown import format: ${String(format)}`);
  return spec;
}

/**
 * Streams `stream` (the bytes of a CSV file) through the parser of `format`. Yields, in file order,
 * `{ kind: 'record' }` and `{ kind: 'problem' }` events, then exactly one `{ kind: 'summary' }` as the last
 * event. Never throws for bad input: an unreadable file ends with a problem marked `fatal` and the
 * summary's `fatal` set. The next chunk of `stream` is read only when the consumer asks for more events;
 * leaving the loop early destroys `stream`. Throws a TypeError only for an unknown `format`.
 */
export function parseFile<F extends ImportFormat>(
  stream: Readable,
  format: F,
  options: ParseOptions,
): AsyncGenerator<ParseEvent<FormatRecordMap[F]>, void, undefined> {
  return flatten(runFormatBatches(stream, specOf(format), options));
}

/**
 * The same events as `parseFile`, in arrays (one per 64 KiB of input at most): far fewer promises per
 * row, for an importer that writes in batches anyway.
 */
export function parseFileBatches<F extends ImportFormat>(
  stream: Readable,
  format: F,
  options: ParseOptions,
): AsyncGenerator<ParseEvent<FormatRecordMap[F]>[], void, undefined> {
  return runFormatBatches(stream, specOf(format), options);
}

async function* flatten<T>(batches: AsyncGenerator<T[]>): AsyncGenerator<T, void, undefined> {
  for await (const batch of batches) yield* batch;
}

/**
 * The national results file (`--nation`) as a report input: read and validated by the national
 * reader, and the aggregate table the report compares with derived from it. Injected into the
 * load stage (src/load/report-inputs.ts), which imports nothing of national/.
 */
import type { Catalog } from '../load/schemas/catalog.ts';
import type { NationalDataset } from '../load/schemas/national.ts';
import type { NationalAggregates } from '../load/schemas/inputs.ts';
import type { ReadNation } from '../load/report-inputs.ts';
import { deriveNational } from '../national/derive.ts';
import { readNationalFile } from '../national/read.ts';

/** The aggregate table of a national results file; its source says when the data is fictional. */
export function aggregatesOfNation(data: NationalDataset, catalog: Catalog): NationalAggregates {
  const aggregates = deriveNational(data, catalog).aggregates;
  return { ...aggregates, source: data.fictional ? `${aggregates.source}（架空の全国データ）` : aggregates.source };
}

export const readNationForReport: ReadNation = async (file, { catalog, rules }) => {
  const data = await readNationalFile(file, { catalog, rules });
  return { data, aggregates: () => aggregatesOfNation(data, catalog) };
};

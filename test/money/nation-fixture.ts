/** The synthetic nation of the money tests (kofukin synth --seed 1 --count 1741 --per-indicator) as a CSV file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadJson } from '../../src/load/json.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { formatCsv } from '../../src/output/csv.ts';
import { synthTable, synthesizeNational } from '../../src/national/synth.ts';
import type { NationalMunicipality } from '../../src/load/schemas/national.ts';
import { dataPath } from '../helpers/seeds.ts';

export function syntheticNation(seed = 1, count = 1741): NationalMunicipality[] {
  const catalog = loadCatalog(2024);
  const rules = loadScoringRules(2024)!;
  const targets = loadJson(NationalAggregates, dataPath('national/fy2024-summary.json'));
  return synthesizeNational({ seed, count, catalog, rules, targets });
}

/** Writes the synthetic nation to a fresh temporary directory; returns the file and its rows. */
export function writeSyntheticNation(seed = 1, count = 1741): { file: string; dir: string; rows: NationalMunicipality[] } {
  const rows = syntheticNation(seed, count);
  const dir = mkdtempSync(join(tmpdir(), 'kofukin-money-'));
  const file = join(dir, 'nation.csv');
  writeFileSync(file, formatCsv(synthTable(rows, loadCatalog(2024), true), { bom: true }));
  return { file, dir, rows };
}

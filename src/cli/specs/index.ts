/**
 * Every command's declaration, in the order `kofukin --help` lists them. Small modules with no
 * heavy imports: src/cli.ts loads these for help and usage errors, and a command's module only
 * to run it.
 */
import type { CommandSpec } from '../spec.ts';
import { agendaSpec } from './agenda.ts';
import { batchSpec } from './batch.ts';
import { buildSpec } from './build.ts';
import { compareSpec } from './compare.ts';
import { grantsSpec } from './grants.ts';
import { initSpec } from './init.ts';
import { nationalSpec } from './national.ts';
import { previewSpec } from './preview.ts';
import { summarySpec } from './summary.ts';
import { synthSpec } from './synth.ts';
import { tiersSpec } from './tiers.ts';
import { whatifSpec } from './whatif.ts';

export { agendaSpec, batchSpec, buildSpec, compareSpec, grantsSpec, initSpec, nationalSpec, previewSpec, summarySpec, synthSpec, tiersSpec, whatifSpec };

export const COMMAND_SPECS: readonly CommandSpec[] = [
  summarySpec,
  buildSpec,
  compareSpec,
  initSpec,
  previewSpec,
  batchSpec,
  whatifSpec,
  agendaSpec,
  nationalSpec,
  grantsSpec,
  synthSpec,
  tiersSpec,
];

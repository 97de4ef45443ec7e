/**
 * The peer groups of a batch built from a national results file: by default the prefecture and
 * the 第1号被保険者数 class of each municipality; `--peers` chooses others (`prefecture`, `size`,
 * `designated`, a CSV/XLSX list of codes, comma separated) or `none`. The groups are resolved and
 * checked once for the run (a listed member missing from the file stops the batch with exit 2,
 * naming the code); each group is ranked once per run (memoised in src/derive/peer-groups.ts).
 */
import { InputError, UsageError } from '../errors/errors.ts';
import { peersMessages } from '../errors/messages-peers.ts';
import { parsePeerTokens, peerGroupSpecs } from '../load/peer-specs.ts';
import { peerGroupProblems, type PeerGroupSpec } from '../derive/peer-groups.ts';
import type { NationalDataset } from '../load/schemas/national.ts';
import { sha256 } from './jobs.ts';

export const DEFAULT_BATCH_PEERS = 'prefecture,size';

export interface BatchPeerGroups {
  specs: PeerGroupSpec[];
  /** Changes when the groups change, so reports are rebuilt. */
  hash: string;
}

export async function batchPeerGroups(value: string | undefined, nation: { data: NationalDataset; file: string }): Promise<BatchPeerGroups> {
  const text = value ?? DEFAULT_BATCH_PEERS;
  const tokens = parsePeerTokens(text);
  if ('unknown' in tokens) throw new UsageError(peersMessages.unknownPeerSpec(tokens.unknown));
  const json = tokens.find((t) => t.kind === 'json');
  if (json) throw new UsageError(peersMessages.unknownPeerSpec((json as { file: string }).file));
  const specs = await peerGroupSpecs(tokens);
  const problems = specs.flatMap((spec) =>
    peerGroupProblems(spec, {
      nation,
      self: { code: '', name: '', insuredType1: 1, suishin: 0, shien: 0 },
      fiscalYear: nation.data.fiscalYear,
      maxima: { suishin: 0, shien: 0 },
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return { specs, hash: sha256(text, JSON.stringify(specs)) };
}

/**
 * Loading a municipality's inputs for the commands that read one (options declared in src/cli/specs/shared.ts).
 */
import { loadReportInputs, type LoadOptions, type ReportInputs } from '../load/report-inputs.ts';
import { parsePeerTokens, type PeerToken } from '../load/peer-specs.ts';
import { UsageError } from '../errors/errors.ts';
import { peersMessages } from '../errors/messages-peers.ts';

/**
 * `--peers VALUE`: a peer group .json (as before), and/or group names and list files, comma
 * separated (`prefecture,size`, `designated`, `neighbours.csv`, `none`). Group names need a
 * national results file (`--nation`, or a batch of one): `nationGiven` says whether there is one.
 */
export function peerOptionsFrom(value: string | undefined, nationGiven: boolean): { peers?: string; peerGroups?: PeerToken[] } {
  if (value === undefined) return {};
  const tokens = parsePeerTokens(value);
  if ('unknown' in tokens) throw new UsageError(peersMessages.unknownPeerSpec(tokens.unknown));
  const json = tokens.filter((t) => t.kind === 'json');
  const groups = tokens.filter((t) => t.kind !== 'json');
  if (!nationGiven) {
    const named = groups.find((t) => t.kind === 'prefecture' || t.kind === 'size' || t.kind === 'designated');
    if (named) throw new UsageError(peersMessages.groupNeedsNation(named.kind));
  }
  return {
    ...(json.length > 0 ? { peers: (json.at(-1) as { file: string }).file } : {}),
    ...(groups.length > 0 ? { peerGroups: groups } : {}),
  };
}

export function inputOptionsFrom(values: Record<string, unknown>): LoadOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const peerOptions = peerOptionsFrom(str('peers'), str('nation') !== undefined);
  return {
    national: str('national'),
    nation: str('nation'),
    peers: peerOptions.peers,
    ...(peerOptions.peerGroups ? { peerGroups: peerOptions.peerGroups } : {}),
    grants: str('grants'),
    narrative: str('narrative'),
    catalogFile: str('catalog'),
    strict: values.strict === true,
  };
}

/**
 * Loads a municipality's inputs; a non-JSON file (the .xlsx fill-in workbook of `kofukin init`) is
 * read by src/workbook/read.ts, imported only when needed so JSON runs never load exceljs.
 */
export async function loadInputsForCli(file: string, options: LoadOptions): Promise<ReportInputs> {
  return loadReportInputs(file, {
    ...options,
    readResults:
      options.readResults ?? (async (f) => (await import('../workbook/read.ts')).readWorkbook(f, { catalogFile: options.catalogFile })),
    readNation: options.readNation ?? (async (f, context) => (await import('../pipeline/nation.ts')).readNationForReport(f, context)),
  });
}

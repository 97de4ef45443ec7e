/**
 * Peer groups chosen by name from a national results file — the municipality's prefecture, its
 * 第1号被保険者数 class (the six classes of seed 000's top-30 tables), the designated cities (codes
 * as data, data/peers/designated-cities.json) — or listed by the user (codes, or codes and
 * scores). Each group is ranked like seed 003's 参考資料2 (competition ranks, rates, difference
 * from the mean). Pure.
 *
 * Ranking a group from the file is memoised per dataset and group, so a batch ranks each
 * prefecture and size class once per run; a report whose own scores differ from the file's is
 * ranked afresh with its scores.
 */
import type { Problem } from '../errors/errors.ts';
import { peersMessages } from '../errors/messages-peers.ts';
import type { PeerGroup } from '../load/schemas/inputs.ts';
import type { NationalDataset, NationalMunicipality } from '../load/schemas/national.ts';
import { prefectureByCode } from '../common/prefectures.ts';
import { groupDigits } from '../common/era.ts';
import { median, sizeClassLabel, sizeClassOf } from '../national/derive.ts';
import { derivePeerRanks, type PeerRanks } from './peers.ts';

export type PeerGroupKind = 'prefecture' | 'size' | 'designated' | 'list';

/** A member of a user's list: a code, and optionally a name and the two grant scores. */
export interface ListedMember {
  code: string;
  name?: string;
  suishin?: number;
  shien?: number;
  /** Where the code was read (e.g. `line 3, column 1 (code)`), to locate problems. */
  place: string;
}

/** The designated cities as data: their codes and names. */
export interface CodeList {
  name: string;
  shortName: string;
  members: Array<{ code: string; name: string }>;
}

export type PeerGroupSpec =
  | { kind: 'prefecture' }
  | { kind: 'size' }
  | { kind: 'designated'; list: CodeList; file: string }
  | { kind: 'list'; file: string; name: string; members: ListedMember[] };

/** The municipality the report is about, with its own scores. */
export interface GroupSelf {
  code: string;
  name: string;
  insuredType1: number;
  suishin: number;
  shien: number;
}

export interface RankedPeerGroup extends PeerRanks {
  kind: PeerGroupKind;
  /** Stable id of the group: `prefecture:26`, `size:10kTo50k`, `designated`, `list:<file>`. */
  key: string;
  medians: { suishin: number; shien: number; total: number };
  /** The municipality was not among the listed members and was added to be ranked. */
  addedSelf: boolean;
}

interface GroupRanking {
  ranks: PeerRanks;
  medians: RankedPeerGroup['medians'];
}

const rankCache = new WeakMap<NationalDataset, Map<string, GroupRanking>>();

function rankGroup(group: PeerGroup, maxima: { suishin: number; shien: number }): GroupRanking {
  const m = group.members;
  return {
    ranks: derivePeerRanks(group, maxima),
    medians: {
      suishin: median(m.map((x) => x.suishin)),
      shien: median(m.map((x) => x.shien)),
      total: median(m.map((x) => x.suishin + x.shien)),
    },
  };
}

function groupName(kind: PeerGroupKind, count: number, detail: string): { name: string; shortName: string } {
  const n = `${groupDigits(count)}市町村`;
  switch (kind) {
    case 'prefecture':
      return { name: `${detail}内の市町村（${n}）`, shortName: `${detail}内の市町村` };
    case 'size':
      return { name: `第1号被保険者数${detail}の市町村（${n}）`, shortName: `第1号被保険者数${detail}の市町村` };
    default:
      return { name: `${detail}（${n}）`, shortName: detail };
  }
}

function member(m: NationalMunicipality) {
  return { code: m.code, name: m.name, suishin: m.suishin ?? 0, shien: m.shien ?? 0 };
}

export interface ResolveContext {
  nation: { data: NationalDataset; file: string } | null;
  self: GroupSelf;
  fiscalYear: number;
  maxima: { suishin: number; shien: number };
}

/** Members of a group before ranking (the self not yet substituted), or problems. */
function membersOf(spec: PeerGroupSpec, ctx: ResolveContext): { key: string; label: string; source: string; members: PeerGroup['members']; problems: Problem[] } {
  const ds = ctx.nation?.data ?? null;
  const source = ds ? `${ds.source}${ds.fictional ? '（架空の全国データ）' : ''}` : '';
  const problems: Problem[] = [];
  if (spec.kind === 'prefecture') {
    const pref = ctx.self.code.slice(0, 2);
    return {
      key: `prefecture:${pref}`,
      label: prefectureByCode(pref)?.name ?? pref,
      source,
      members: (ds?.municipalities ?? []).filter((m) => m.code.slice(0, 2) === pref).map(member),
      problems,
    };
  }
  if (spec.kind === 'size') {
    const cls = sizeClassOf(ctx.self.insuredType1);
    return {
      key: `size:${cls}`,
      label: sizeClassLabel(cls),
      source,
      members: (ds?.municipalities ?? []).filter((m) => sizeClassOf(m.insuredType1) === cls).map(member),
      problems,
    };
  }
  const listed: Array<Omit<ListedMember, 'place'> & { place?: string }> = spec.kind === 'designated' ? spec.list.members : spec.members;
  const byCode = new Map((ds?.municipalities ?? []).map((m) => [m.code, m]));
  const members: PeerGroup['members'] = [];
  listed.forEach((l, i) => {
    const withScores = l.suishin !== undefined && l.shien !== undefined;
    if (withScores) {
      members.push({ code: l.code, name: l.name ?? byCode.get(l.code)?.name ?? l.code, suishin: l.suishin!, shien: l.shien! });
      return;
    }
    const m = byCode.get(l.code);
    if (m) members.push(member(m));
    else if (l.code !== ctx.self.code)
      problems.push({
        location: { file: spec.file, place: l.place ?? `$.members[${i}].code` },
        rule: ds ? peersMessages.memberNotInNation(l.code, ctx.nation!.file) : peersMessages.memberWithoutScores(l.code),
        severity: 'error',
      });
  });
  return {
    key: spec.kind === 'designated' ? 'designated' : `list:${spec.file}`,
    label: spec.kind === 'designated' ? spec.list.shortName : spec.name,
    source: spec.kind === 'list' && members.length > 0 && listed.every((l) => l.suishin !== undefined) ? spec.file.replace(/^.*[\\/]/, '') : source,
    members,
    problems,
  };
}

/** Problems of a group spec against the inputs (members missing from the national file). */
export function peerGroupProblems(spec: PeerGroupSpec, ctx: ResolveContext): Problem[] {
  return membersOf(spec, ctx).problems;
}

/** The group ranked, the municipality highlighted (added when it is not a member). */
export function rankPeerGroup(spec: PeerGroupSpec, ctx: ResolveContext): RankedPeerGroup {
  const { key, label, source, members } = membersOf(spec, ctx);
  const self = ctx.self;
  const selfIndex = members.findIndex((m) => m.code === self.code);
  const addedSelf = selfIndex < 0;
  const same = !addedSelf && members[selfIndex]!.suishin === self.suishin && members[selfIndex]!.shien === self.shien;
  const finalMembers = same
    ? members
    : addedSelf
      ? [...members, { code: self.code, name: self.name, suishin: self.suishin, shien: self.shien }]
      : members.map((m, i) => (i === selfIndex ? { ...m, suishin: self.suishin, shien: self.shien } : m));
  const { name, shortName } = groupName(spec.kind, finalMembers.length, label);
  const group: PeerGroup = { fiscalYear: ctx.fiscalYear, name, shortName, source, members: finalMembers };

  let ranking: GroupRanking;
  const ds = ctx.nation?.data;
  if (same && ds) {
    let cache = rankCache.get(ds);
    if (!cache) rankCache.set(ds, (cache = new Map()));
    const cacheKey = `${key}|${ctx.maxima.suishin}|${ctx.maxima.shien}`;
    let hit = cache.get(cacheKey);
    if (!hit) cache.set(cacheKey, (hit = rankGroup(group, ctx.maxima)));
    ranking = hit;
  } else ranking = rankGroup(group, ctx.maxima);
  const base = ranking.ranks;
  const rows = base.rows.map((r) => (r.code === self.code ? { ...r, highlighted: true } : r));
  return {
    ...base,
    rows,
    highlighted: rows.find((r) => r.highlighted) ?? null,
    kind: spec.kind,
    key,
    medians: ranking.medians,
    addedSelf,
  };
}

/** How many times groups were ranked from scratch (for tests of the once-per-run promise). */
export function cachedGroupCount(ds: NationalDataset): number {
  return rankCache.get(ds)?.size ?? 0;
}

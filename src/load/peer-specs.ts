/**
 * `--peers` as the user writes it: a comma-separated list of group names (`prefecture`, `size`,
 * `designated`, `none`) and files — a peer group `.json` (PeerGroup, as before) or a `.csv`/`.xlsx`
 * list of codes, or codes and scores (columns code, name, suishin, shien; Japanese headers
 * 団体コード・市区町村・推進・支援 accepted). Files are read through src/input.
 */
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ProblemCollector } from '../errors/errors.ts';
import { peersMessages } from '../errors/messages-peers.ts';
import { cellMunicipalityCode, cellNumber, cellText } from '../input/cells.ts';
import { readUserTable } from '../input/table.ts';
import { readUserJson } from '../input/read.ts';
import { fixedFieldOf } from './schemas/national.ts';
import type { CodeList, ListedMember, PeerGroupSpec } from '../derive/peer-groups.ts';
import { fileURLToPath } from 'node:url';

export type PeerToken = { kind: 'prefecture' } | { kind: 'size' } | { kind: 'designated' } | { kind: 'json'; file: string } | { kind: 'list'; file: string };

export const GROUP_NAMES = ['prefecture', 'size', 'designated'] as const;

/**
 * The tokens of a `--peers` value; `none` gives an empty list. Returns the unknown token's text
 * instead when one is a bare word that is neither a group name nor an existing file. A value that
 * is an existing file's path is that one file, even with a comma in its name.
 */
export function parsePeerTokens(value: string): PeerToken[] | { unknown: string } {
  const tokens: PeerToken[] = [];
  const parts = value.includes(',') && existsSync(value) ? [value] : value.split(',');
  for (const raw of parts) {
    const t = raw.trim();
    if (t === '' || t === 'none') continue;
    if ((GROUP_NAMES as readonly string[]).includes(t)) tokens.push({ kind: t as 'prefecture' | 'size' | 'designated' });
    else if (/\.(csv|xlsx)$/i.test(t)) tokens.push({ kind: 'list', file: t });
    // a bare word that names no file is a misspelt group name; anything else is a peer group
    // JSON file as before (whatever its name: the input layer refuses what is not a JSON file)
    else if (!/[./\\]/.test(t) && !existsSync(t)) return { unknown: t };
    else tokens.push({ kind: 'json', file: t });
  }
  return tokens;
}

/** The designated cities' codes (data/peers/designated-cities.json). */
export function designatedCitiesFile(): string {
  return fileURLToPath(new URL('../../data/peers/designated-cities.json', import.meta.url));
}

export function loadDesignatedCities(): CodeList {
  const doc = readUserJson(designatedCitiesFile()).value as CodeList;
  return { name: doc.name, shortName: doc.shortName, members: doc.members.map((m) => ({ code: m.code, name: m.name })) };
}

/** A user's list of codes (or codes and scores), every problem located by cell. */
export async function readPeerList(file: string): Promise<{ name: string; members: ListedMember[] }> {
  const table = await readUserTable(file);
  const c = new ProblemCollector(file);
  const columns: Partial<Record<'code' | 'name' | 'suishin' | 'shien', number>> = {};
  table.header.forEach((cell, i) => {
    const text = cellText(cell.value);
    if (text === undefined) return;
    const field = fixedFieldOf(text);
    if (field === 'code' || field === 'name' || field === 'suishin' || field === 'shien') columns[field] = i;
    else if (field !== 'prefecture' && field !== 'insuredType1') c.add(cell.place, peersMessages.listUnknownColumn(text));
  });
  if (columns.code === undefined) c.add(table.headerPlace, peersMessages.listNoCodeColumn());
  c.throwIfAny();
  const members: ListedMember[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const codeCell = row.cells[columns.code!];
    if (!codeCell) continue;
    const code = cellMunicipalityCode(codeCell.value);
    if ('rule' in code) {
      c.add(codeCell.place, code.rule);
      continue;
    }
    if (seen.has(code.code)) c.add(codeCell.place, peersMessages.listDuplicate(code.code));
    seen.add(code.code);
    const score = (k: 'suishin' | 'shien'): number | undefined | null => {
      const cell = columns[k] === undefined ? undefined : row.cells[columns[k]!];
      if (!cell) return undefined;
      const n = cellNumber(cell.value, (t) => peersMessages.listNotANumber(t));
      if (n.kind === 'empty') return undefined;
      if (n.kind === 'problem' || !Number.isInteger(n.value) || n.value < 0) {
        c.add(cell.place, n.kind === 'problem' ? n.rule : peersMessages.listNotANumber(String(n.value)));
        return null;
      }
      return n.value;
    };
    const suishin = score('suishin');
    const shien = score('shien');
    if ((suishin === undefined) !== (shien === undefined) && suishin !== null && shien !== null) c.add(row.place, peersMessages.listScoresIncomplete());
    const nameCell = columns.name === undefined ? undefined : row.cells[columns.name];
    const name = nameCell ? cellText(nameCell.value) : undefined;
    members.push({
      code: code.code,
      ...(name ? { name } : {}),
      ...(typeof suishin === 'number' && typeof shien === 'number' ? { suishin, shien } : {}),
      place: codeCell.place,
    });
  }
  if (members.length === 0 && c.count === 0) c.add(undefined, peersMessages.listEmpty());
  c.throwIfAny();
  return { name: basename(file, extname(file)), members };
}

/** Group specs of the tokens (JSON groups excluded: they are the classic peer group file). */
export async function peerGroupSpecs(tokens: readonly PeerToken[]): Promise<PeerGroupSpec[]> {
  const specs: PeerGroupSpec[] = [];
  for (const t of tokens) {
    if (t.kind === 'prefecture' || t.kind === 'size') specs.push({ kind: t.kind });
    else if (t.kind === 'designated') specs.push({ kind: 'designated', list: loadDesignatedCities(), file: designatedCitiesFile() });
    else if (t.kind === 'list') {
      const file = resolve(t.file);
      const list = await readPeerList(file);
      specs.push({ kind: 'list', file, name: list.name, members: list.members });
    }
  }
  return specs;
}

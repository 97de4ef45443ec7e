/**
 * The one place that opens a user's file. Only regular files are read (a directory, FIFO,
 * device or socket is refused before anything is read, so `/dev/zero` cannot eat memory and a
 * FIFO cannot hang); the size is checked against the cap of the file's kind before reading, and
 * at most cap + 1 bytes are ever read (a file that grows while it is read is still refused).
 * Messages name the file and the rule; they never quote the file's content.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from '../errors/errors.ts';
import { inputMessages, messages } from '../errors/messages.ts';
import { stdinBytes } from '../common/stdin.ts';

/** The kinds of user file, each with its own size cap. */
export type InputKind = 'json' | 'csv' | 'xlsx' | 'pdf';

const MiB = 1024 * 1024;

/**
 * Size caps per kind of file (bytes on disk). JSON: municipality, companion and needs files
 * (a national aggregate table is ~10 KB). CSV: national results (1,741 rows ≈ 1 MB), raw values,
 * needs. XLSX: the compressed workbook (its uncompressed size has its own cap, src/input/xlsx.ts).
 * PDF: a report to bind into an agenda packet.
 */
export const SIZE_CAPS: Readonly<Record<InputKind, number>> = {
  json: 10 * MiB,
  csv: 50 * MiB,
  xlsx: 20 * MiB,
  pdf: 200 * MiB,
};

/** What a file of each kind is called, in the language in force. */
export const KIND_LABELS: Readonly<Record<InputKind, string>> = {
  get json() {
    return inputMessages.kindJson();
  },
  get csv() {
    return inputMessages.kindCsv();
  },
  get xlsx() {
    return inputMessages.kindXlsx();
  },
  get pdf() {
    return inputMessages.kindPdf();
  },
};

function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return inputMessages.aDirectory();
  if (st.isFIFO()) return inputMessages.aFifo();
  if (st.isCharacterDevice() || st.isBlockDevice()) return inputMessages.aDevice();
  if (st.isSocket()) return inputMessages.aSocket();
  return inputMessages.notARegularFile();
}

function fail(file: string, rule: string): never {
  throw new InputError([{ location: { file }, rule, severity: 'error' }]);
}

/**
 * The bytes of a user's regular file, at most the cap of its kind. An InputError (exit 2) names
 * the file when it is missing, unreadable, not a regular file or too large.
 */
export function readUserFile(file: string, kind: InputKind, cap: number = SIZE_CAPS[kind]): Buffer {
  const piped = stdinBytes(file);
  if (piped) {
    // standard input (`-`): the same cap; a workbook is recognised by its ZIP signature
    const k: InputKind = piped[0] === 0x50 && piped[1] === 0x4b ? 'xlsx' : kind;
    const limit = k === kind ? cap : SIZE_CAPS[k];
    if (piped.length > limit) fail(file, inputMessages.fileTooLarge(KIND_LABELS[k], piped.length, limit));
    return piped;
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting forever
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(file, code === 'EISDIR' ? inputMessages.notRegularFile(inputMessages.aDirectory(), KIND_LABELS[kind]) : messages.cannotRead(code ?? inputMessages.unknownError()));
  }
  try {
    const st = fstatSync(fd);
    const what = notRegular(st);
    if (what) fail(file, inputMessages.notRegularFile(what, KIND_LABELS[kind]));
    if (st.size > cap) fail(file, inputMessages.fileTooLarge(KIND_LABELS[kind], st.size, cap));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(cap + 1 - total, 1 * MiB);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      let n: number;
      try {
        n = readSync(fd, buf, 0, want, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return fail(file, messages.cannotRead(code ?? 'unknown error'));
      }
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > cap) fail(file, inputMessages.fileTooLarge(KIND_LABELS[kind], total, cap));
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The kind of a file by its name: .xlsx, .csv, .pdf, otherwise JSON. */
export function kindOfFile(file: string): InputKind {
  const m = /\.(xlsx|csv|pdf)$/i.exec(file);
  return m ? (m[1]!.toLowerCase() as InputKind) : 'json';
}

/** True when the path names an existing regular file (for optional files such as bundled data). */
export function isRegularFile(file: string): boolean {
  try {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      return fstatSync(fd).isFile();
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

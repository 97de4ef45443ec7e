/**
 * Opening a user's .xlsx workbook. An .xlsx file is a ZIP archive; before exceljs inflates it,
 * its central directory is read and every entry is checked: at most MAX_ENTRIES entries, and at
 * most XLSX_UNCOMPRESSED_CAP bytes uncompressed in all. The sizes the directory declares are
 * then verified by inflating each entry with an output limit of its declared size, so a zip bomb
 * that lies about its sizes is refused after at most the cap, never by running out of memory.
 */
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors/errors.ts';
import { dataFileMessages, inputMessages } from '../errors/messages.ts';
import { endOfCentralDirectory } from '../common/zip.ts';

const MiB = 1024 * 1024;

/** Uncompressed size of all entries together (a 1,741-row national workbook is about 4 MB). */
export const XLSX_UNCOMPRESSED_CAP = 40 * MiB;
/** Entries in the archive (a workbook has a few dozen). */
export const XLSX_MAX_ENTRIES = 2_000;

function fail(file: string, rule: string): never {
  throw new InputError([{ location: { file }, rule, severity: 'error' }]);
}

/** True when the bytes start like a ZIP archive (and so may be an .xlsx workbook). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Checks a workbook archive's entries and sizes; an InputError naming the file otherwise. */
export function checkXlsxArchive(bytes: Uint8Array, file: string, cap = XLSX_UNCOMPRESSED_CAP): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isZip(buf)) fail(file, inputMessages.notXlsx());
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) fail(file, inputMessages.brokenXlsx(dataFileMessages.noDirectory()));
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) fail(file, inputMessages.xlsxTooLarge(cap)); // ZIP64: far beyond any workbook we read
  if (count > XLSX_MAX_ENTRIES) fail(file, inputMessages.xlsxTooManyEntries(count, XLSX_MAX_ENTRIES));
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) fail(file, inputMessages.brokenXlsx('bad central directory'));
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const local = buf.readUInt32LE(p + 42);
    total += size;
    if (size === 0xffffffff || total > cap) fail(file, inputMessages.xlsxTooLarge(cap));
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) fail(file, inputMessages.brokenXlsx('bad local header'));
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) fail(file, inputMessages.brokenXlsx('an entry runs past the end of the file'));
    if (method === 8) {
      // verify the declared size: inflating past it stops at once
      try {
        const out = inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: Math.max(1, size) });
        if (out.length !== size) fail(file, inputMessages.brokenXlsx(dataFileMessages.entrySize()));
      } catch (err) {
        if (err instanceof InputError) throw err;
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') fail(file, inputMessages.xlsxTooLarge(cap));
        fail(file, inputMessages.brokenXlsx(dataFileMessages.entryInflate()));
      }
    } else if (method === 0) {
      if (compressed !== size) fail(file, inputMessages.brokenXlsx(dataFileMessages.entrySize()));
    } else fail(file, inputMessages.brokenXlsx(dataFileMessages.compression(method)));
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}

/** Loads a workbook from checked bytes with exceljs (imported only here, only when needed). */
export async function workbookFromBytes(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  checkXlsxArchive(bytes, file);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    // exceljs's message names what it could not parse, never the file's content
    fail(file, inputMessages.brokenXlsx(String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 120)));
  }
  return wb;
}

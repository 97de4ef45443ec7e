/**
 * Stable .xlsx bytes: exceljs (through JSZip) stamps every ZIP entry with the current time, so
 * the same workbook written twice differs. `fixZipDates` rewrites the DOS time and date of every
 * entry (local header and central directory) to one fixed moment, in place.
 */

/** DOS date and time fields of a moment (UTC; DOS time has two-second resolution). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const y = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Offset of a ZIP archive's end-of-central-directory record (searched from the end), or -1. */
export function endOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Sets every entry's modification time of a ZIP archive to `date`; returns the same bytes. */
export function fixZipDates(bytes: Uint8Array, date: Date): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(buf);
  if (eocd < 0) throw new Error('internal: not a zip archive (no end of central directory)');
  const { time, date: day } = dosDateTime(date);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`internal: bad zip central directory entry at ${p}`);
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(day, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`internal: bad zip local header at ${local}`);
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(day, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return bytes;
}

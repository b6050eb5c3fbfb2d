/**
 * Reads a zip file's central directory by hand, without inflating anything, so sizes can be
 * checked before a decompressor ever runs (zip-bomb defence).
 */
import { Inflate } from 'fflate';
import { AppError } from '../../../shared/errors';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

function corrupt(): AppError {
  return new AppError('corrupt-file', 'The document is damaged (its zip structure cannot be read).');
}

/** Lists the entries of a zip file from its central directory. Throws `corrupt-file` when unreadable. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw corrupt();
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY) throw corrupt();
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const method = view.getUint16(offset + 10, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > bytes.length) throw corrupt();
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, method, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Largest total uncompressed size a document may claim. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Largest compression ratio of any sizeable entry. */
export const MAX_COMPRESSION_RATIO = 100;

/**
 * Refuses zips whose entries would inflate beyond safe bounds: more than 50 MB in total, a
 * sizeable entry compressed more than 100:1, or sizes hidden behind ZIP64 markers.
 */
export function assertSafeZip(bytes: Uint8Array): ZipEntry[] {
  const entries = listZipEntries(bytes);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new AppError('file-too-large', 'The document is too large to open safely.');
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_COMPRESSION_RATIO) {
      throw new AppError('file-too-large', 'The document expands to an unsafe size when unpacked (it may be a zip bomb), so it was not opened.');
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new AppError('file-too-large', 'The document is larger than 50 MB when unpacked, so it was not opened.');
  }
  // Declared sizes can lie: inflate each entry with a running cap before any other reader does.
  let inflatedTotal = 0;
  for (const entry of entries) {
    inflatedTotal += inflatedSize(bytes, entry, MAX_UNCOMPRESSED_BYTES - inflatedTotal);
  }
  return entries;
}

const INPUT_CHUNK = 1024;

/** Inflates one entry counting its output; throws as soon as it passes the cap or its declared size. */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, cap: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) throw corrupt();
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) throw corrupt();
  const limit = Math.min(cap, entry.uncompressedSize + 1024);
  let produced = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) overflow = true;
  });
  try {
    for (let offset = 0; offset < data.length && !overflow; offset += INPUT_CHUNK) {
      const end = Math.min(data.length, offset + INPUT_CHUNK);
      inflate.push(data.subarray(offset, end), end === data.length);
    }
  } catch {
    throw corrupt();
  }
  if (overflow) {
    throw new AppError('file-too-large', 'The document expands to an unsafe size when unpacked (it may be a zip bomb), so it was not opened.');
  }
  return produced;
}

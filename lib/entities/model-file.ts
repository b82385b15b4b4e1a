/**
 * The binary model file (public/models/ner-<lang>.bin): named typed arrays behind a small JSON header,
 * so loading is one fetch().arrayBuffer() plus creating views — no parsing of weights or word lists.
 *
 *   bytes 0–3   magic "KNER"
 *   bytes 4–7   header length H (uint32, little-endian)
 *   bytes 8…    header: UTF-8 JSON { format, version, …, arrays: { name: { type, offset, length } } }
 *   then        each array's bytes at its offset (a multiple of 8 from the file start), little-endian
 *
 * Typed-array views use the platform's byte order; every browser the extension runs in is
 * little-endian, and the reader refuses the file on a big-endian machine rather than misread it.
 */

export type StoredArray = Uint32Array | Int32Array | Uint16Array | Int16Array | Uint8Array;

const ARRAY_TYPES = {
  u32: Uint32Array,
  i32: Int32Array,
  u16: Uint16Array,
  i16: Int16Array,
  u8: Uint8Array,
} as const;
type ArrayType = keyof typeof ARRAY_TYPES;

interface ArrayEntry {
  type: ArrayType;
  /** Byte offset from the start of the file. */
  offset: number;
  /** Element count. */
  length: number;
}

const MAGIC = [0x4b, 0x4e, 0x45, 0x52]; // "KNER"
const PREFIX = 8;
const ALIGN = 8;

function typeOf(array: StoredArray): ArrayType {
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Int16Array) return 'i16';
  return 'u8';
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Serialises a header object (any JSON) and named arrays; the header gains the arrays' table. */
export function writeArrayFile(
  header: Record<string, unknown>,
  arrays: Record<string, StoredArray>,
): Uint8Array {
  const names = Object.keys(arrays).sort();
  // Offsets depend on the header's length, which depends on the offsets: lay out relative to the data
  // start, then fix the header to a length that leaves room for the largest offsets it will name.
  const relative: Record<string, ArrayEntry> = {};
  let size = 0;
  for (const name of names) {
    const a = arrays[name]!;
    relative[name] = { type: typeOf(a), offset: size, length: a.length };
    size = align(size + a.byteLength);
  }
  const encode = (dataStart: number) => {
    const table: Record<string, ArrayEntry> = {};
    for (const name of names)
      table[name] = { ...relative[name]!, offset: relative[name]!.offset + dataStart };
    return new TextEncoder().encode(JSON.stringify({ ...header, arrays: table }));
  };
  let dataStart = align(PREFIX + encode(0).length);
  let json = encode(dataStart);
  while (align(PREFIX + json.length) > dataStart) {
    dataStart = align(PREFIX + json.length);
    json = encode(dataStart);
  }
  const out = new Uint8Array(dataStart + size);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, PREFIX);
  // Padding between the header and the data is spaces, so the header's bytes stay valid JSON whitespace.
  out.fill(0x20, PREFIX + json.length, dataStart);
  for (const name of names) {
    const a = arrays[name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), relative[name]!.offset + dataStart);
  }
  return out;
}

export interface ArrayFile {
  header: Record<string, unknown>;
  arrays: Record<string, StoredArray>;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads a file written by writeArrayFile; null when it is not one or any array lies outside it. */
export function readArrayFile(buffer: ArrayBuffer): ArrayFile | null {
  if (!littleEndian || buffer.byteLength < PREFIX) return null;
  const bytes = new Uint8Array(buffer);
  if (MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (PREFIX + headerLength > buffer.byteLength) return null;
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headerLength)),
    );
  } catch {
    return null;
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) return null;
  const table = (header as { arrays?: unknown }).arrays;
  if (!table || typeof table !== 'object') return null;
  const arrays: Record<string, StoredArray> = {};
  for (const [name, entry] of Object.entries(table as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') return null;
    const { type, offset, length } = entry as Partial<ArrayEntry>;
    if (typeof type !== 'string' || !Object.hasOwn(ARRAY_TYPES, type)) return null;
    const Type = ARRAY_TYPES[type as ArrayType];
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return null;
    const start = offset as number;
    const count = length as number;
    if (start < PREFIX + headerLength || count < 0 || start % Type.BYTES_PER_ELEMENT !== 0) return null;
    if (start + count * Type.BYTES_PER_ELEMENT > buffer.byteLength) return null;
    arrays[name] = new Type(buffer, start, count);
  }
  return { header: header as Record<string, unknown>, arrays };
}

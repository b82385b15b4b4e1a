/**
 * Names Kontext puts into a page's shared namespaces (the custom-element registry, CSS.highlights) are
 * random per page: a fixed name lets a page define, find or delete Kontext's things in advance.
 */

/** `prefix` followed by 64 random bits in base 36; a valid CSS identifier and custom-element name part. */
export function randomName(prefix: string): string {
  const bits = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}${bits[0]!.toString(36)}${bits[1]!.toString(36)}`;
}

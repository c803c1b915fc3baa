/**
 * Deterministic, v4-shaped UUIDs from stable keys, so that importing the same data twice yields the
 * same ids (and the second import finds every record already there instead of duplicating it).
 *
 * The hash is cyrb128: four 32-bit lanes mixed with Math.imul, 128 bits out. It is not
 * cryptographic — nothing here needs to resist an adversary choosing keys; it needs to be pure,
 * fast (tens of thousands of ids per import) and well spread so that distinct keys never collide
 * in practice (a collision among 10⁵ keys in 122 bits has probability ≈ 10⁻²⁷).
 */
function cyrb128(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Each byte's two hex digits: four lookups a word instead of toString + padStart. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
}

/**
 * A UUID (version 4 layout: version nibble 4, variant 10xx) derived from `key`. The same key always
 * gives the same UUID, in Node, in the renderer and in a worker.
 */
export function stableUuid(key: string): string {
  const [a, b, c, d] = cyrb128(key);
  // Two passes (the key, then the key salted with the first hash) make the 128 bits depend on the
  // whole key twice over; cheap, and it removes the weak mixing of very short keys.
  const [e, f, g, h] = cyrb128(`${hex8(a)}${key}${hex8(d)}`);
  const s = hex8((a ^ e) >>> 0) + hex8((b ^ f) >>> 0) + hex8((c ^ g) >>> 0) + hex8((d ^ h) >>> 0);
  const version = `4${s.slice(13, 16)}`;
  const variant = ((parseInt(s.charAt(16), 16) & 0x3) | 0x8).toString(16) + s.slice(17, 20);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${version}-${variant}-${s.slice(20, 32)}`;
}

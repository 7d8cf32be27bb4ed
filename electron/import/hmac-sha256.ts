// HMAC-SHA-256 of short ASCII strings, the case IDs, more than twice as fast as a createHmac per
// value: the key's inner and outer padded blocks are compressed once, so each value costs two
// SHA-256 compressions in plain JavaScript and no native call or object per value. The output is
// exactly createHmac('sha256', key).update(value, 'utf8').digest('hex') (the tests compare them);
// a value that is not ASCII or is longer than one block allows goes through createHmac.
import crypto from 'node:crypto';

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
/** The two hex digits' character codes of each byte value, byte b at 2b and 2b + 1. */
const HEX_CODES = Uint8Array.from({ length: 512 }, (_, i) => (i >> 1).toString(16).padStart(2, '0').charCodeAt(i & 1));
/** 64-byte block, minus the 0x80 end marker and the 8-byte length. */
const MAX_ONE_BLOCK = 55;

/** One SHA-256 compression of the block in w[0..15] into the state h (w is scratch after). */
function compress(h: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15]!;
    const b = w[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

/** The state after compressing the key XORed with a pad byte (HMAC's ipad 0x36, opad 0x5c). */
function padState(key: Buffer, pad: number, w: Int32Array): Int32Array {
  const block = Buffer.alloc(64, pad);
  for (let i = 0; i < key.length; i++) block[i] = block[i]! ^ key[i]!;
  for (let i = 0; i < 16; i++) w[i] = block.readInt32BE(i * 4);
  const h = Int32Array.from(IV);
  compress(h, w);
  return h;
}

/**
 * hmac(value) = HMAC-SHA-256 of value (UTF-8) under key, as lower-case hex digits: all 32 bytes
 * (64 digits), or the first `bytes` of them (a multiple of 4), the standard truncated HMAC.
 */
export function hmacSha256Hex(key: Buffer, bytes = 32): (value: string) => string {
  if (!Number.isInteger(bytes) || bytes < 4 || bytes > 32 || bytes % 4 !== 0) throw new RangeError(`cannot keep ${bytes} bytes of an HMAC-SHA-256`);
  const words = bytes / 4;
  // HMAC hashes a key longer than the block first; the database's key is 32 bytes, but be exact.
  const k = key.length > 64 ? crypto.createHash('sha256').update(key).digest() : key;
  const w = new Int32Array(64);
  const inner = padState(k, 0x36, w);
  const outer = padState(k, 0x5c, w);
  const h = new Int32Array(8);
  const digits = new Array<number>(bytes * 2).fill(0);
  const slow = (value: string) => crypto.createHmac('sha256', key).update(value, 'utf8').digest().subarray(0, bytes).toString('hex');
  return (value) => {
    const n = value.length;
    if (n > MAX_ONE_BLOCK) return slow(value);
    w.fill(0, 0, 16);
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c > 0x7f) return slow(value);
      w[i >> 2]! |= c << (24 - 8 * (i & 3));
    }
    w[n >> 2]! |= 0x80 << (24 - 8 * (n & 3));
    w[15] = (64 + n) * 8;
    h.set(inner);
    compress(h, w);
    for (let i = 0; i < 8; i++) w[i] = h[i]!;
    w[8] = 0x80000000;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
    h.set(outer);
    compress(h, w);
    // One string made from its character codes: concatenating 16 two-digit pieces made a chain
    // V8 had to flatten later, and cost three times as much (0.85 s against 0.25 s a million).
    for (let i = 0; i < words; i++) {
      const v = h[i]!;
      for (let b = 0; b < 4; b++) {
        const x = ((v >>> (24 - 8 * b)) & 255) * 2;
        const at = i * 8 + b * 2;
        digits[at] = HEX_CODES[x]!;
        digits[at + 1] = HEX_CODES[x + 1]!;
      }
    }
    return String.fromCharCode.apply(null, digits);
  };
}

/** Vectors are stored as little-endian float32 blobs: compact and read without parsing. */
export function encodeVector(vector: ArrayLike<number>): Buffer {
  const floats = vector instanceof Float32Array ? vector : Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
}

export function decodeVector(blob: Buffer): Float32Array {
  // Copy: the blob's memory belongs to SQLite's row buffer and may be reused.
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

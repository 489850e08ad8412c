/** Bytes of a dropped File or of an in-memory buffer, whole or a slice (for sniffing). */
export const sizeOf = (data: Uint8Array | Blob) => (data instanceof Uint8Array ? data.byteLength : data.size);

export async function readBytes(data: Uint8Array | Blob, start = 0, end = sizeOf(data)): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(start, end);
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

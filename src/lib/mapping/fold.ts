/** A header as the recogniser compares it: no accents, lower case, words split by single spaces. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\bn\s*[º°]/gi, 'no ')
    .replace(/[ºª°№]/g, ' no ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

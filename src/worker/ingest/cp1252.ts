/**
 * Windows-1252 text to a string. TextDecoder('windows-1252') is right in browsers, but some
 * Node builds (without full ICU) decode it as Latin-1, leaving 0x80-0x9F as control
 * characters; those are mapped here so both give the euro sign and curly quotes.
 */
const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => high[c.charCodeAt(0) - 0x80]);
}

/**
 * An error whose message is already a sentence for the user, in their language (from the
 * catalog). Whatever reports errors passes it on as it is; any other error (DuckDB's, Node's)
 * is someone else's text and is wrapped in a sentence saying which step failed and what to do.
 */
export class Said extends Error {
  override name = 'Said';
}

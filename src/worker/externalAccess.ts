/**
 * SQL cannot reach the network by itself. DuckDB-WASM serves every path, a registered file and an
 * http(s) or s3 address alike, through one file system (BufferedFileSystem over WebFileSystem), so
 * `disabled_filesystems` cannot tell a dropped file from a web address. `enable_external_access =
 * false` is checked by DuckDB on every path a statement opens, globs, lists, writes or attaches
 * (its OpenerFileSystem) and on every extension load; only `readableDirectory`, where the worker
 * registers the files the user dropped, stays readable. DuckDB refuses to turn external access back
 * on while the database runs, or to change the allowed directories once it is off, so no statement
 * can undo it. `lock_configuration` adds nothing to this and would refuse the per-connection
 * `enable_progress_bar` that file progress needs. The page's own web reads (the sample, addresses
 * the user added, remote Parquet by ranges) are fetched by the worker's JavaScript, never by DuckDB.
 */

/** Where registered files live (DuckDB's allowed directories end with a slash). */
export const readableDirectory = 'clientele-files/';

/** The path DuckDB reads a registered file by. */
export const readablePath = (name: string) => `${readableDirectory}${name}`;

/** Run once, right after the database opens; nothing undoes them. */
export const closeExternalAccess = [`SET allowed_directories = ['${readableDirectory}']`, 'SET enable_external_access = false'];

// Comlink ships its Node adapter's types beside the .mjs that Node's ESM resolution needs by name.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}

export { setup as default } from './build-dir.mjs';

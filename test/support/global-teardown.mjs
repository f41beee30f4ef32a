export { teardown as default } from './build-dir.mjs';

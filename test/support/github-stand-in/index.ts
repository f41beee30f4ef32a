// The GitHub API stand-in for end-to-end tests of the review Action. See README.md.
export * from './types.js';
export { startStandIn, PERMISSIONS, BOT_LOGIN } from './server.js';
export { patchFromTexts, parseHunks, filesFromTrees, gitBlobSha, mapLine, type Hunk, type HunkLine } from './diff.js';
export { parseGraphql } from './graphql.js';
export { applySuggestions, suggestionBlocks, SuggestionError } from './suggestions.js';
export { readTree, filesFromDirs } from './trees.js';

#!/usr/bin/env bash
# Run ONCE, after every open branch is merged, to bring the whole code base to the lint and format rules
# (eslint.config.mjs, .prettierrc.json) in one commit; doing it earlier would conflict with every branch.
#   1. eslint --fix: the mechanical fixes (mostly non-null assertions `!` that the types make unnecessary);
#   2. prettier --write: the layout of every *.ts and *.mjs file (YAML, Markdown and JSON keep their bytes);
#   3. eslint again: what is left needs a hand (the script lists it and exits 1 when there is any error).
# Then: npx tsc --noEmit -p . && npm test && node scripts/compare-output.mjs compare <the commit before this one>
# (no behaviour change: the outputs must be byte-identical), and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
npx eslint --fix . >/dev/null || true
npx prettier --write --log-level warn .
npx eslint .

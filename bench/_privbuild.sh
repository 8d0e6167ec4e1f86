#!/bin/bash
# dev: a private build in bench/.out (others rebuild dist/ at any time)
set -e
cd /work/main
rm -rf bench/.out
npx tsc -p tsconfig.json --outDir bench/.out
sed -e "s#'../dist/src/'#'../bench/.out/src/'#; s#'../dist/tools/index.js'#'../bench/.out/tools/index.js'#; s#'../dist/src/tool.js'#'../bench/.out/src/tool.js'#" scripts/bundle.mjs > bench/.out/bundle.mjs
cp bench/.out/bundle.mjs scripts/.bundle-priv.mjs
node scripts/.bundle-priv.mjs
rm scripts/.bundle-priv.mjs

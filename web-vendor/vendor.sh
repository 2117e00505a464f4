#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry. The dashboard serves
# them from the package itself, so it works with no internet at run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/dyads/web/static/vendor"
cd "$here"
npm install --no-audit --no-fund --silent
cp node_modules/d3/dist/d3.min.js "$out/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/world-atlas/countries-110m.json "$out/"
cp node_modules/d3/LICENSE "$out/LICENSE-d3.txt"
cp node_modules/topojson-client/LICENSE "$out/LICENSE-topojson-client.txt"
cp node_modules/world-atlas/LICENSE "$out/LICENSE-world-atlas.txt"
echo "vendored into $out"

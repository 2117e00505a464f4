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
# The API docs pages (/docs, /redoc)
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$out/"
cp node_modules/redoc/bundles/redoc.standalone.js "$out/"
# ReDoc shows a small logo fetched from its CDN in the side bar; an empty image instead, so the
# docs load nothing from outside the server (the Content-Security-Policy would refuse it anyway).
sed -i 's#https://cdn.redoc.ly/redoc/logo-mini.svg#data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E#' \
  "$out/redoc.standalone.js"
cp node_modules/swagger-ui-dist/LICENSE "$out/LICENSE-swagger-ui.txt"
cp node_modules/redoc/LICENSE "$out/LICENSE-redoc.txt"
cp node_modules/d3/LICENSE "$out/LICENSE-d3.txt"
cp node_modules/topojson-client/LICENSE "$out/LICENSE-topojson-client.txt"
cp node_modules/world-atlas/LICENSE "$out/LICENSE-world-atlas.txt"
echo "vendored into $out"

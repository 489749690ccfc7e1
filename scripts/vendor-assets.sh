#!/usr/bin/env bash
# Copies the front-end files PCMD serves from npm packages into wwwroot/lib (committed, so that
# `dotnet run` works before any npm step). Run after changing versions in package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
lib=src/Pcmd.Web/wwwroot/lib
mkdir -p "$lib/bootstrap" "$lib/bootstrap-icons/fonts"
cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/LICENSE "$lib/bootstrap/"
cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css node_modules/bootstrap-icons/LICENSE "$lib/bootstrap-icons/"
cp node_modules/bootstrap-icons/font/fonts/bootstrap-icons.woff2 "$lib/bootstrap-icons/fonts/"
mkdir -p "$lib/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE "$lib/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$lib/leaflet/images/"
mkdir -p "$lib/chartjs"
cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/LICENSE.md "$lib/chartjs/"

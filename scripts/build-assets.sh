#!/usr/bin/env bash
# Compile the SCSS and copy GOV.UK Frontend's fonts, images and JavaScript into the
# git-ignored folder that Django serves as static files.
set -euo pipefail
cd "$(dirname "$0")/.."
out=scorecard/static_build
mkdir -p "$out/css" "$out/govuk"
npx --no-install sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
  assets/scss/main.scss "$out/css/main.css"
rm -rf "$out/govuk/assets"
cp -r node_modules/govuk-frontend/dist/govuk/assets "$out/govuk/assets"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk/govuk-frontend.min.js"

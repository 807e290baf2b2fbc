#!/usr/bin/env bash
# Regenerates docs/descent.1 from the argument parser with swift-argument-parser's GenerateManual
# plugin (works offline: the plugin builds from the package's own dependencies).
#   Tools/generate-manual.sh            # then: man -l docs/descent.1
set -euo pipefail
cd "$(dirname "$0")/.."
swift package generate-manual --configuration debug --date "$(date +%Y-%m-%d)" --authors "Descent"
cp .build/plugins/GenerateManual/outputs/descent/descent.1 docs/descent.1
echo "wrote docs/descent.1"

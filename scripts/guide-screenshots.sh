#!/usr/bin/env bash
# Copies the browser journeys' screenshots (SQLite run) into the user guide, made smaller.
# Run the journeys first: dotnet test tests/CaseManagement.Api.Tests --filter "FullyQualifiedName~SqliteWebJourneys"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
from="$root/tests/CaseManagement.Api.Tests/TestResults/screenshots/Sqlite"
to="$root/docs/guide/images"
[ -d "$from" ] || { echo "no screenshots in $from: run the SQLite web journeys first" >&2; exit 1; }
mkdir -p "$to"
for shot in "$from"/*.png; do
  name="$(basename "$shot")"
  if command -v pngquant > /dev/null; then
    # 64 colours: the screens are flat colours and text, so a third of the bytes and no visible change (apt-get install pngquant).
    pngquant --force --strip --quality 60-90 64 --output "$to/$name" "$shot"
  else
    cp "$shot" "$to/$name"
  fi
done
echo "$(ls "$to" | wc -l) screenshots in $to"

#!/usr/bin/env sh
# Re-render docs/rollup.png, the README's picture of the district sheet: a generated district of
# 22 offices (tests/rollup_district.py) put together by `reportgen rollup`, the workbook printed
# by LibreOffice and the top of its first page cut out.
# Needs soffice and pdftoppm (apt install libreoffice-calc-nogui fonts-noto-cjk poppler-utils).
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -c "import sys; sys.path.insert(0, 'tests'); from pathlib import Path; \
from rollup_district import make_district; make_district(Path('$work'), 22)"
(cd "$work" && reportgen rollup 2022 --projects 'orgs/*' -f xlsx >/dev/null 2>&1 || true)
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf \
  --outdir "$work" "$work/rollup/2022.xlsx" >/dev/null
pdftoppm -f 1 -l 1 -r 80 -x 50 -y 60 -W 830 -H 392 -png -singlefile "$work/2022.pdf" \
  "$repo/docs/rollup"
echo "wrote docs/rollup.png"

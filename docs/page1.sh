#!/usr/bin/env sh
# Re-render docs/page1.png, the README's picture of the first page of the bundled report, as
# LibreOffice lays out the Word file; without the official fonts `--pdf` draws them in open
# faces (Noto Serif CJK SC Bold, Noto Sans CJK SC, AR PL UKai, Noto Serif CJK SC).
# Needs soffice and pdftoppm (apt install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai poppler-utils).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r data "$work/data"
reportgen build 2022 --pdf --project "$work" >/dev/null
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$work/build/2022.pdf" docs/page1
echo "wrote docs/page1.png"

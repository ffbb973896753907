#!/usr/bin/env sh
# Re-render docs/preview.png, the README's picture of `reportgen preview` on the bundled report,
# with headless Chromium (apt install chromium chromium-driver fonts-noto-cjk fonts-arphic-ukai;
# pip install selenium, the test extra).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cp -r data "$work/data"
log="$work/preview.log"
(cd "$work" && exec reportgen preview 2022 --no-open >"$log" 2>&1) &
server=$!
trap 'kill -INT $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q http "$log" && break; sleep 0.5; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log")
python - "$url" <<'PY'
import sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--window-size=1200,1000", "--hide-scrollbars"):
    options.add_argument(argument)
driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
try:
    driver.get(sys.argv[1])
    for _ in range(100):
        if driver.execute_script("return document.querySelectorAll('.page').length"):
            break
        time.sleep(0.05)
    driver.execute_script("document.body.style.zoom = 0.62")
    time.sleep(0.3)
    driver.save_screenshot("docs/preview.png")
finally:
    driver.quit()
PY
echo "wrote docs/preview.png"

"""Regenerate docs/*.png: a demo installation, an officer signed in, the dashboard, the roster
search and the prevention page.

    python tools/screenshot.py   (needs Debian's chromium)
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pyotp

ROOT = Path(__file__).resolve().parents[1]
PORT = 8799


def main():
    data = tempfile.mkdtemp(prefix="netra-shot-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"NETRA_DATA_DIR": data}
    netra = [sys.executable, "-m", "netra.cli"]
    subprocess.run(
        netra + ["demo", "--employees", "3000"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    secret = pyotp.random_base32()
    setup = (
        "from netra.accounts.models import User; from django.utils import timezone; "
        "u = User.objects.get(username='fajar'); u.set_password('Jember-Demo-2024!'); "
        f"u.must_change_password = False; u.totp_secret = '{secret}'; "
        "u.totp_confirmed_at = timezone.now(); u.save()"
    )
    subprocess.run(netra + ["manage", "shell", "-c", setup], env=env, check=True)
    server = subprocess.Popen(
        netra + ["up", "--port", str(PORT), "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            page = browser.new_page(viewport={"width": 1200, "height": 720}, locale="id-ID")
            page.goto(f"http://127.0.0.1:{PORT}/akun/masuk/")
            page.get_by_label("Nama pengguna").fill("fajar")
            page.get_by_label("Kata sandi").fill("Jember-Demo-2024!")
            page.get_by_role("button", name="Lanjut").click()
            page.get_by_label("Kode dari aplikasi autentikator").fill(pyotp.TOTP(secret).now())
            page.get_by_role("button", name="Masuk").click()
            page.goto(f"http://127.0.0.1:{PORT}/pegawai/?q=siti%20aminah")
            page.screenshot(path=str(ROOT / "docs/roster-search.png"))
            page.goto(f"http://127.0.0.1:{PORT}/dasbor/")
            page.screenshot(path=str(ROOT / "docs/dashboard.png"))
            page.goto(f"http://127.0.0.1:{PORT}/pencegahan/?wilayah=35.09")
            page.screenshot(path=str(ROOT / "docs/prevention.png"))
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


if __name__ == "__main__":
    main()

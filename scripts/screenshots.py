"""Redraw the README's pictures from ladle's real output.

``docs/*.svg``: the command line (Rich's own SVG) and a plan's Gantt chart, for fixed dates.
``docs/screenshots/*.png``: every page of the web app, as Debian's Chromium shows it through
Playwright, from a real ``ladle serve`` on a new library in a temporary folder (with a
password, so the sign-in page is one of them) that holds the built-in example, the four-dish
dinner of the tests and a few recipes written here, one of them brought in through the import
page.

Run: ``make screenshots`` (or ``uv run --no-sync python scripts/screenshots.py [--terminal |
--web]``). The pages show plans for tomorrow evening, so their dates change from day to day.
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from PIL import Image
from playwright.sync_api import (
    Browser,
    FloatRect,
    Page,
    StorageState,
    ViewportSize,
    sync_playwright,
)
from rich.console import Console

from ladle.checker import check
from ladle.console import findings_panel, plan_timeline, recipe_card
from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.planning.export import by_recipe, gantt_svg
from ladle.planning.kitchen import Kitchen
from ladle.planning.planner import plan

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SHOTS = DOCS / "screenshots"
CASES = ROOT / "tests" / "cases" / "text"
SERVE = datetime(2026, 11, 26, 19, 0)
NOW = datetime(2026, 11, 25, 12, 0)
DINNER = ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans",
          "06-iced-hibiscus-tea")  # fmt: skip
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-sandbox", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
TABLET: ViewportSize = {"width": 1024, "height": 768}
LOCALE = "en-GB"  # the date-time field in 24 hours, as ladle writes times
TALLEST = 1600  # pixels of a long page kept in its picture

# Recipes of our own, so the library is not only the example and the dinner.
PANCAKES = """Buttermilk Pancakes
Thick, soft pancakes for a slow Sunday breakfast.
Serves 4
Prep: 10 mins
Cook: 20 mins
Ingredients
- 2 cups plain flour
- 2 tbsp sugar
- 2 tsp baking powder
- 1/2 tsp salt
- 2 cups buttermilk
- 2 eggs
- 3 tbsp butter, melted
Method
1. Whisk the flour, sugar, baking powder and salt in a large bowl.
2. Whisk the buttermilk, eggs and melted butter in a jug, pour into the flour and stir until
just combined; leave the batter to rest for 5 minutes.
3. Heat a frying pan over medium heat and cook ladlefuls of batter for 2 minutes a side,
until golden.
"""
SOUP = """Roasted Tomato Soup
Serves 6
Prep: 15 mins
Cook: 1 hr
Ingredients
- 1.5 kg ripe tomatoes, halved
- 1 onion, quartered
- 4 cloves garlic
- 3 tbsp olive oil
- 750 ml vegetable stock
- 1 small bunch of basil
Method
1. Heat the oven to 200°C.
2. Spread the tomatoes, onion and garlic in a roasting tin, drizzle with the oil and roast for
40 minutes.
3. Tip everything into a saucepan with the stock and simmer for 10 minutes.
4. Blend until smooth, tear in the basil and season to taste.
"""
IMPORTED = """Lemon Posset
Three ingredients and an evening in the fridge.
Serves 4
Ingredients
- 600 ml double cream
- 150 g caster sugar
- 2 lemons, zested and juiced
Method
1. Bring the cream and sugar to the boil in a saucepan, stirring, then boil for 3 minutes.
2. Take off the heat and stir in the lemon zest and juice.
3. Pour into four glasses and chill for at least 3 hours, until set.
"""


# --- the command line ---------------------------------------------------------------------------


def _terminal(name: str, title: str, *renderables: object) -> None:
    console = Console(record=True, width=100, file=io.StringIO())
    for renderable in renderables:
        console.print(renderable)
    console.save_svg(str(DOCS / name), title=title)
    print(f"wrote {DOCS / name}")


def terminal_pictures() -> None:
    """The command line's pictures and the dinner's Gantt chart (``docs/*.svg``)."""
    DOCS.mkdir(exist_ok=True)
    recipe = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    _terminal("demo.svg", "ladle demo", "$ ladle demo", recipe_card(recipe))
    _terminal("check.svg", "ladle check", "$ ladle check pork-belly.txt",
              findings_panel(recipe.title, check(recipe)))  # fmt: skip
    seed_plan = plan([recipe], SERVE, now=NOW)
    _terminal("plan.svg", "ladle plan", '$ ladle plan pork-belly.txt --serve-at "2026-11-26 19:00"',
              plan_timeline(seed_plan))  # fmt: skip
    dinner = [read(str(CASES / f"{n}.txt"))[0] for n in DINNER]
    four = plan(dinner, SERVE, Kitchen(burners=2), now=NOW)
    (DOCS / "dinner-gantt.svg").write_text(gantt_svg(by_recipe(four)), encoding="utf-8")
    print(f"wrote {DOCS / 'dinner-gantt.svg'}")


# --- the web app --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(folder: Path, password: str) -> Iterator[str]:
    """``ladle serve`` on a free port over a new library in ``folder``; its address."""
    port = _free_port()
    env = {
        **os.environ,
        "LADLE_DATABASE_URL": f"sqlite:///{folder / 'library.sqlite3'}",
        "LADLE_PASSWORD": password,
    }
    command = [sys.executable, "-m", "ladle", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SystemExit(f"ladle serve stopped (exit code {server.returncode})")
            try:
                if httpx.get(base + "/api/session", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("ladle serve did not answer within a minute")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


class Site:
    """The browser's page on the server, signed in, and the pictures it takes."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base

    def go(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        if response is None or response.status >= 400:
            status = "no answer" if response is None else response.status
            raise SystemExit(f"{path}: {status}")

    def add(self, text: str) -> int:
        """A recipe added through the API, in the browser's session; its id."""
        token = self.page.request.get(self.base + "/api/session").json()["csrf_token"]
        response = self.page.request.post(
            self.base + "/api/recipes",
            data={"text": text},
            headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
        )
        if response.status != 201:
            raise SystemExit(f"adding a recipe: {response.status} {response.text()}")
        number: int = response.json()["id"]
        return number

    def shoot(self, name: str) -> None:
        """A picture of the page, from its top, at most ``TALLEST`` pixels of it."""
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("document.fonts.ready")
        width = self.page.viewport_size["width"] if self.page.viewport_size else 1280
        height = int(self.page.evaluate("document.documentElement.scrollHeight"))
        clip: FloatRect = {"x": 0, "y": 0, "width": width, "height": min(height, TALLEST)}
        path = SHOTS / name
        self.page.screenshot(path=str(path), full_page=True, clip=clip)
        _shrink(path)
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


def _shrink(path: Path) -> None:
    """The PNG in 256 colours: a page of text loses nothing a reader sees, and most bytes."""
    with Image.open(path) as image:
        fewer = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    fewer.save(path, optimize=True)


def _tomorrow_evening() -> str:
    return (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT19:00")


def _library_pages(site: Site, example: int) -> None:
    """Import (and its review, saved), then the library and the example's page."""
    site.go("/import")
    site.page.fill("textarea[name=text]", IMPORTED)
    site.shoot("import.png")
    site.page.click("#import button[type=submit]")
    site.page.wait_for_selector("#save")
    site.shoot("import-review.png")
    site.page.click("#save")
    site.page.wait_for_load_state()
    site.go("/")
    site.shoot("library.png")
    site.go(f"/recipes/{example}")
    site.shoot("recipe.png")
    site.go(f"/recipes/{example}?servings=8&units=metric")
    site.shoot("recipe-8-servings-metric.png")


def _meal_pages(site: Site, dinner: list[int]) -> str:
    """The planner with the dinner's chart, a plan that cannot be, the shopping list; the
    dinner's query."""
    query = f"ids={','.join(map(str, dinner))}&serve_at={_tomorrow_evening()}"
    site.go(f"/plan?{query}")
    site.page.wait_for_selector("#gantt svg")
    site.shoot("planner.png")
    soon = (datetime.now() + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    site.go(f"/plan?ids={dinner[0]}&serve_at={soon}&night=1")
    site.page.wait_for_selector("#no-plan")
    site.shoot("plan-infeasible.png")
    site.go(f"/shop?ids={','.join(map(str, dinner))}")
    site.shoot("shopping-list.png")
    return query


def _cook_mode(browser: Browser, base: str, state: StorageState, query: str) -> None:
    """Cook mode on the roast's step with its timer running, on a laptop and a tablet."""
    for name, viewport in (("cook-mode.png", DESKTOP), ("cook-mode-tablet.png", TABLET)):
        context = browser.new_context(
            viewport=viewport, storage_state=state, has_touch=True, locale=LOCALE
        )
        page = context.new_page()
        now = datetime.now().replace(microsecond=0)
        page.clock.install(time=now)
        page.clock.pause_at(now + timedelta(seconds=1))
        site = Site(page, base)
        site.go(f"/cook?{query}#step-1")
        roast = page.locator(".cook-step", has=page.locator("[data-minutes='80']"))
        number = (roast.get_attribute("id") or "").removeprefix("step-")
        page.evaluate(f"location.hash = '#step-{number}'")
        page.locator(".cook-step:visible [data-minutes='80']").click()
        page.clock.run_for("12:25")  # the timer's first quarter of an hour
        site.shoot(name)
        context.close()


def web_pages() -> None:
    """Every page of the web app (``docs/screenshots/*.png``)."""
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is absent: sudo apt-get install chromium")
    SHOTS.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    with (
        tempfile.TemporaryDirectory() as folder,
        serving(Path(folder), password) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=DESKTOP, locale=LOCALE)
        site = Site(context.new_page(), base)
        site.go("/login")
        site.shoot("login.png")
        site.page.fill("input[name=password]", password)
        site.page.click("form button[type=submit]")
        site.page.wait_for_load_state()
        example = site.add(example_text())
        dinner = [site.add((CASES / f"{name}.txt").read_text(encoding="utf-8")) for name in DINNER]
        site.add(PANCAKES)
        site.add(SOUP)
        _library_pages(site, example)
        query = _meal_pages(site, dinner)
        _cook_mode(browser, base, context.storage_state(), query)
        context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--terminal", action="store_true", help="only docs/*.svg")
    which.add_argument("--web", action="store_true", help="only docs/screenshots/*.png")
    args = parser.parse_args()
    if not args.web:
        terminal_pictures()
    if not args.terminal:
        web_pages()


if __name__ == "__main__":
    main()

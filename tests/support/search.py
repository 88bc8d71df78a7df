"""Material's search box in a real browser: open it, ask it a query, read its first answer.

Material reads the box on `keyup` and sends its search worker one query per new value; when
the worker answers, the line above the results (`.md-search-result__meta`) is rewritten and the
first results are drawn, in the same step. The site's own script (search-label.js) then labels
each result of a guide with the guide's title and, read from inside a guide, moves that guide's
results first: both in one step, once it has the titles (search/guides.json, fetched when the
box is first focused). So a test fills the box, sends one `keyup`, and waits for that line and
those labels: no typing delay, no waiting for the results to stop changing.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .pages import guide_front_matter
from .site import DOCS

BOX = "input.md-search__input"

# The worker has loaded the index and answered the empty query the box starts with.
READY = """() => !document.querySelector('.md-search-result__meta')
    .textContent.includes('Initializing')"""

# search/guides.json (hooks/search_guides.py) has arrived.
GUIDE_TITLES_LOADED = """() => performance.getEntriesByType('resource')
    .some(entry => entry.name.endsWith('/search/guides.json'))"""

# The worker answered the box's (non-empty) value: the line counts results, none included
# ("No matching documents", "1 matching document", "7 matching documents").
ANSWERED = """query => document.querySelector('input.md-search__input').value === query
    && /matching document/.test(document.querySelector('.md-search-result__meta').textContent)"""

# Every result on a guide's page (its overview aside) carries its guide's label: the site's
# script has labelled and reordered these results (it does both at once).
LABELLED = """folders => [...document.querySelectorAll('.md-search-result__item')].every(item => {
    const link = item.querySelector('a.md-search-result__link');
    const path = link ? new URL(link.href).pathname : '';
    const folder = folders.find(folder => path.startsWith(folder));
    return !folder || path === folder || item.querySelector('.search-result-guide') !== null;
})"""

# The worker answered the empty box: no results, the line is back to its prompt.
CLEARED = """() => !document.querySelector('.md-search-result__item')
    && !/matching document/.test(document.querySelector('.md-search-result__meta').textContent)"""


def open_search(page, url: str) -> None:
    """Open a page and its search box (behind the header's search button on a phone)."""
    page.goto(url)
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    page.locator(BOX).click()
    page.wait_for_function(READY)
    # The site's search-label.js fetches the guides' titles when the box gets focus, then
    # labels and reorders every result drawn: have them before the first query.
    page.wait_for_function(GUIDE_TITLES_LOADED)


def _enter(page, value: str) -> None:
    box = page.locator(BOX)
    box.fill(value)
    box.dispatch_event("keyup")


def search(page, query: str) -> None:
    """Ask the open search box `query` and wait until the results answer it.

    The box is emptied first (and that answer awaited), so the next answer the worker sends
    can only be this query's, even when it counts as many results as the last one did.
    """
    assert query.strip(), "an empty query has no results to wait for"
    if page.locator(BOX).input_value():
        _enter(page, "")
        page.wait_for_function(CLEARED)
    _enter(page, query)
    page.wait_for_function(ANSWERED, arg=query)
    # The guides of docs/ as URL paths (`/foot-massage/`: the tests serve a site at the root).
    page.wait_for_function(LABELLED, arg=[f"/{slug}/" for slug in guide_front_matter(DOCS)])


def search_for(page, query: str) -> None:
    """Ask the open search box `query` and wait for the worker's answer (labels not awaited).

    For a site other than docs/ (`search` waits for the labels of docs/'s guides).
    """
    _enter(page, query)
    page.wait_for_function(ANSWERED, arg=query)


def first_search_result(page, query: str) -> str:
    """The path of the page search puts first for `query` (e.g. `/foot-massage/step-3/`)."""
    search(page, query)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    assert links.count(), f"no result for {query!r}"
    href = links.first.get_attribute("href") or ""
    return urlsplit(urljoin(page.url, href)).path

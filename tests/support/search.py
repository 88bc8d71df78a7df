"""Material's search box in a real browser: open it, ask it a query, read its first answer.

Material reads the box on `keyup` and sends its search worker one query per new value; when
the worker answers, the line above the results (`.md-search-result__meta`) is rewritten and the
first results are drawn, in the same step. The site's own script (search-label.js) then labels
each result of a guide with the guide's title and, read from inside a guide, moves that guide's
results first: both in one step, once it has the titles (search/guides.json, fetched when the
box is first focused). So a test sets the box, sends one `keyup` and waits, in the page, for
that line and those labels (`ASK`): no typing delay, no waiting for the results to stop
changing.
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

# Ask the open box a query, as Material reads it (the value, then one `keyup`), and resolve
# once the worker has answered it: the box is emptied first (that answer awaited), so the
# answer awaited can only be this query's, even when it counts as many results as the last.
# The line above the results counts them when the worker answers a query ("No matching
# documents", "1 matching document", "7 matching documents") and is back to its prompt when
# it answers the empty box. With `folders` (the guides as URL paths), also until every result
# on a guide's page carries its guide's label (search-label.js labels and reorders at once).
# In the page, in one call: the box, the worker and the labels answer within milliseconds of
# each other, and each call out of the page costs more than that. Rejects after `wait` ms.
ASK = """async ([query, folders, wait]) => {
    const box = document.querySelector('input.md-search__input');
    const results = document.querySelector('.md-search-result');
    const counted = () => /matching document/.test(
        results.querySelector('.md-search-result__meta').textContent);
    const cleared = () => !results.querySelector('.md-search-result__item') && !counted();
    const labelled = () => [...results.querySelectorAll('.md-search-result__item')].every(item => {
        const link = item.querySelector('a.md-search-result__link');
        const path = link ? new URL(link.href).pathname : '';
        const folder = folders.find(folder => path.startsWith(folder));
        return !folder || path === folder || item.querySelector('.search-result-guide') !== null;
    });
    const until = (condition, what) => new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
            if (!condition()) return;
            observer.disconnect(); clearTimeout(timer); resolve();
        });
        const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`search for ${JSON.stringify(query)}: ${what} within ${wait} ms`));
        }, wait);
        observer.observe(results, {subtree: true, childList: true, characterData: true});
        if (condition()) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    const enter = (value) => {
        box.value = value;
        box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
    };
    if (box.value) {
        enter('');
        await until(cleared, 'the empty box was not answered');
    }
    enter(query);
    await until(counted, 'no answer');
    if (folders) await until(labelled, 'results of a guide without its label');
}"""

# How long a query may take to be answered (ms): Playwright's own wait in these tests.
WAIT = 15_000


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


def search(page, query: str) -> None:
    """Ask the open search box `query` and wait until the results answer it, labels and all."""
    assert query.strip(), "an empty query has no results to wait for"
    # The guides of docs/ as URL paths (`/foot-massage/`: the tests serve a site at the root).
    page.evaluate(ASK, [query, [f"/{slug}/" for slug in guide_front_matter(DOCS)], WAIT])


def search_for(page, query: str) -> None:
    """Ask the open search box `query` and wait for the worker's answer (labels not awaited).

    For a site other than docs/ (`search` waits for the labels of docs/'s guides).
    """
    assert query.strip(), "an empty query has no results to wait for"
    page.evaluate(ASK, [query, None, WAIT])


def first_search_result(page, query: str) -> str:
    """The path of the page search puts first for `query` (e.g. `/foot-massage/step-3/`)."""
    search(page, query)
    href = page.evaluate(
        "document.querySelector('.md-search-result__item a.md-search-result__link')?.href"
    )
    assert href, f"no result for {query!r}"
    return urlsplit(urljoin(page.url, href)).path

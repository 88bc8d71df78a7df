"""Follow along in a real browser: the whole walk by buttons, keys and swipes, timer, read-aloud."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.support.browser import AXE, leave_as_new, new_context, shared_tab, violations
from tests.support.pages import (
    WAKE_LOCK_STUB,
    GuideFacts,
    guide_facts,
    lacks_drawings,
    normalise,
    step_own_words,
    step_page_lacks_drawing,
)
from tests.support.site import REPO

pytestmark = pytest.mark.browser

GUIDES = guide_facts(REPO / "docs")
IDS = [guide.slug for guide in GUIDES]
PHONE = {"width": 390, "height": 844}


# A speechSynthesis that records what it is asked to say, with one local English voice.
SPEECH_STUB = """
    window.__spoken = []; window.__cancels = 0;
    const voices = [
        {name: 'Far', lang: 'en-US', localService: false},
        {name: 'Near', lang: 'en-GB', localService: true},
        {name: 'Autre', lang: 'fr-FR', localService: true},
    ];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        getVoices: () => window.__voices || voices,
        speak: (u) => window.__spoken.push({text: u.text, voice: u.voice && u.voice.name}),
        cancel: () => { window.__cancels += 1; window.__spoken.push({cancel: true}); },
        addEventListener: () => {},
    }});
"""

# Records the chime and the vibration instead of making them.
SOUND_STUB = """
    window.__sounds = 0; window.__vibrations = [];
    navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
    window.AudioContext = class {
        constructor() { this.currentTime = 0; this.destination = {}; }
        createOscillator() { return {frequency: {}, connect() {}, start() { window.__sounds += 1; },
                                     stop() {}}; }
        createGain() { return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}},
                               connect() {}}; }
    };
"""


def follow_url(site_url: str, guide: GuideFacts) -> str:
    return urljoin(site_url, f"{guide.slug}/follow/")


# Whether an element is shown (as Playwright's `:visible`: boxes drawn, not hidden).
VISIBLE = "el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'"
# (kind, heading) of each card on screen, read in one call.
SHOWN = f"""() => [...document.querySelectorAll('.follow-card')].filter({VISIBLE})
    .map(card => [card.dataset.kind || '', card.querySelector('h2').innerText])"""


# What a walk checks of the one card on screen and the progress bar, read in one call: a
# card's kind, heading (white space collapsed), step, lead line and text; whether its drawing
# is shown (null: it has none); the bar's value and maximum and its words.
CARD_FACTS = f"""() => {{
    const [card, ...others] = [...document.querySelectorAll('.follow-card')].filter({VISIBLE});
    if (!card || others.length) throw new Error(`${{others.length + !!card}} cards on screen`);
    const drawing = card.querySelector('figure svg');
    const progress = document.querySelector('progress.follow__progress');
    return {{
        kind: card.dataset.kind || '',
        heading: card.querySelector('h2').innerText.split(/\\s+/).join(' ').trim(),
        step: card.dataset.step || '0',
        lead: card.querySelector('.follow-card__lead')?.innerText ?? '',
        text: card.innerText,
        drawing: drawing ? ({VISIBLE})(drawing) : null,
        progress: [progress.value, progress.max],
        progressText: progress.getAttribute('aria-valuetext'),
    }};
}}"""


def shown(page) -> tuple[str, str]:
    """(kind, heading) of the one card on screen; exactly one is visible."""
    cards = page.evaluate(SHOWN)
    assert len(cards) == 1, cards
    [(kind, heading)] = cards
    return kind, " ".join(heading.split())


def open_menu(page, name: str) -> None:
    """Open (or close) one of the row's menus: "Tools" or "Steps" (a `<details>` summary)."""
    page.locator(".follow__menu > summary", has_text=name).click()


def start_from(page, url: str, slug: str) -> None:
    """Tap a guide's Start link on `url`: its overview ("follow/#start") or the home page."""
    page.goto(url)
    page.locator(
        f'a.follow-start[href="follow/#start"], a.follow-start[href="{slug}/follow/#start"]'
    ).click()


def started(page, url: str) -> None:
    """Wait until follow along has taken in the Start link ("#start" leaves the address)."""
    page.wait_for_url(url)


def assert_card(page, expected: tuple[str, str]) -> None:
    kind, heading = shown(page)
    assert kind == expected[0]
    assert heading.startswith(expected[1]), (heading, expected)


@pytest.fixture(scope="module")
def phone_tab(browser):
    """One phone tab for the module: a new tab costs about what a page load does."""
    with shared_tab(browser, PHONE, WAKE_LOCK_STUB, has_touch=True) as tab:
        yield tab


@pytest.fixture
def phone(phone_tab, site_url: str):
    """The phone's tab, left after each test as a new one (`leave_as_new`)."""
    yield phone_tab
    leave_as_new(phone_tab, site_url, PHONE)


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_whole_walk_by_buttons_and_back(
    site: Path, site_url: str, phone, guide: GuideFacts
) -> None:
    routine = guide.routine()
    total = len(guide.summaries)
    phone.goto(follow_url(site_url, guide))
    previous = phone.get_by_role("button", name="Previous")
    next_button = phone.get_by_role("button", name="Next")
    assert previous.is_disabled()
    for number, expected in enumerate(routine):
        card = phone.evaluate(CARD_FACTS)
        assert card["kind"] == expected[0]
        assert card["heading"].startswith(expected[1]), (card["heading"], expected)
        # Where the reader is: the bar moves with every card, in words too.
        assert card["progress"] == [number, len(routine) - 1]
        assert card["progressText"] == f"Card {number + 1} of {len(routine)}"
        if expected[0] == "step":
            step = int(card["step"])
            summary = guide.summaries[step - 1]
            assert " ".join(card["lead"].split()) == summary
            # The drawing and the step's full text (its own words, all of them) are on the card.
            if card["drawing"] is None:
                raise AssertionError(step_page_lacks_drawing(f"{guide.slug}/step-{step}/"))
            assert card["drawing"], "the card's drawing is not shown"
            own = step_own_words(site, guide.slug, step, total, summary)
            # The drawing and its caption on the card's first screen, the text below them.
            on_card = normalise(card["text"])
            assert own in on_card, (step, own, on_card)
        if number < len(routine) - 1:
            next_button.click()
    assert next_button.is_disabled()
    assert phone.locator(".follow-card:visible a").count() >= 2  # read next, guide, checklist
    for expected in reversed(routine[:-1]):
        previous.click()
        assert_card(phone, expected)
    assert previous.is_disabled()


@pytest.mark.parametrize("guide", GUIDES, ids=IDS)
def test_the_whole_walk_by_keyboard_alone(site_url: str, phone, guide: GuideFacts) -> None:
    routine = guide.routine()
    phone.goto(follow_url(site_url, guide))
    forward = ["ArrowRight", "Space", "PageDown"]
    for number, expected in enumerate(routine):
        assert_card(phone, expected)
        if number < len(routine) - 1:
            phone.keyboard.press(forward[number % 3])
    phone.keyboard.press("ArrowRight")  # past the end: stays on the finish card
    assert_card(phone, routine[-1])
    backward = ["ArrowLeft", "PageUp", "Shift+Space"]
    for number, expected in enumerate(reversed(routine[:-1])):
        phone.keyboard.press(backward[number % 3])
        assert_card(phone, expected)
    # The page itself did not scroll away from the card while walking.
    assert phone.evaluate("window.scrollY") == 0


def swipe(page, from_x: int, to_x: int, y: int = 400) -> None:
    session = page.context.new_cdp_session(page)
    points = [from_x, (from_x + to_x) // 2, to_x]
    session.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]}
    )
    for x in points[1:]:
        session.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def test_a_swipe_moves_between_cards(site_url: str, phone) -> None:
    guide = GUIDES[0]
    routine = guide.routine()
    phone.goto(follow_url(site_url, guide))
    swipe(phone, 320, 60)
    assert_card(phone, routine[1])
    swipe(phone, 320, 60)
    assert_card(phone, routine[2])
    swipe(phone, 60, 320)
    assert_card(phone, routine[1])


def test_the_place_is_kept_on_the_device_through_reloads_and_new_tabs(site_url: str, phone) -> None:
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    routine = guide.routine()
    phone.goto(follow_url(site_url, guide))
    for _ in range(3):
        phone.get_by_role("button", name="Next").click()
    assert_card(phone, routine[3])
    phone.reload()
    assert_card(phone, routine[3])
    phone.go_back()  # the page before: nothing
    phone.goto(follow_url(site_url, guide))
    assert_card(phone, routine[3])
    # Tomorrow's new tab of the same browser knows the place too.
    other = phone.context.new_page()
    other.goto(follow_url(site_url, guide))
    assert_card(other, routine[3])
    other.close()


def place_key(page, slug: str) -> str:
    """Where follow.js keeps a guide's place (the core storage unit's naming)."""
    return page.evaluate("__md_scope.pathname") + f"massage-guides:follow:{slug}:place"


def test_resume_and_start_over_from_a_start_link_each_do_what_they_say(
    site_url: str, phone
) -> None:
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    routine = guide.routine()
    second_step = next(i for i, card in enumerate(routine) if card[0] == "step") + 1
    phone.goto(follow_url(site_url, guide))
    for _ in range(second_step):
        phone.get_by_role("button", name="Next").click()
    kind, heading = routine[second_step]
    where = ", ".join(part[:1].lower() + part[1:] for part in heading.split(" · "))
    for start_page in [urljoin(site_url, f"{guide.slug}/"), site_url]:
        start_from(phone, start_page, guide.slug)
        resume = phone.get_by_role("button", name=f"Resume: {where}")
        resume.wait_for()
        assert phone.get_by_role("button", name="Start over").is_visible()
        assert phone.locator(".follow-card:visible").count() == 0
        resume.click()
        assert_card(phone, routine[second_step])
        assert phone.url == follow_url(site_url, guide)  # a reload keeps the card, no question
    start_from(phone, urljoin(site_url, f"{guide.slug}/"), guide.slug)
    phone.get_by_role("button", name="Start over").click()
    assert_card(phone, routine[0])


def jump_to_the_end(page) -> None:
    """Go to the last card through the steps list (the walk itself: the tests above)."""
    open_menu(page, "Steps")
    page.locator(".follow__jump a").last.click()


def test_start_after_the_end_and_start_again_lead_to_get_ready(site_url: str, phone) -> None:
    guide = GUIDES[0]
    routine = guide.routine()
    phone.goto(follow_url(site_url, guide))
    jump_to_the_end(phone)
    assert_card(phone, routine[-1])
    start_from(phone, urljoin(site_url, f"{guide.slug}/"), guide.slug)
    started(phone, follow_url(site_url, guide))
    assert_card(phone, routine[0])  # no question after the end: a new routine
    jump_to_the_end(phone)
    phone.get_by_role("link", name="Start again").click()
    assert_card(phone, routine[0])
    assert phone.get_by_role("button", name="Next").is_enabled()


# What storage may hold for a guide's place: a number, a card the guide lost, broken JSON, an
# object of the wrong shape, null.
JUNK = ["42", '"step|nowhere|1|a step this guide lost"', "{broken", '{"card": 3}', "null"]


def test_a_stored_place_that_is_gone_or_junk_opens_get_ready(site_url: str, phone) -> None:
    guide = GUIDES[0]
    phone.goto(follow_url(site_url, guide))
    key = place_key(phone, guide.slug)
    for junk in JUNK:
        phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, junk])
        phone.reload()
        assert_card(phone, guide.routine()[0])
    # From a Start link the place is read by the same code: a lost step and a broken value
    # offer no Resume either.
    for junk in JUNK[1:3]:
        phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, junk])
        start_from(phone, urljoin(site_url, f"{guide.slug}/"), guide.slug)
        started(phone, follow_url(site_url, guide))
        assert_card(phone, guide.routine()[0])


def test_the_steps_list_jumps_to_a_card_of_the_second_round(site_url: str, phone) -> None:
    guide = max(GUIDES, key=lambda guide: (guide.rounds, len(guide.routine())))
    routine = guide.routine()
    target = max(i for i, card in enumerate(routine) if card[0] == "step")
    phone.goto(follow_url(site_url, guide))
    open_menu(phone, "Steps")
    links = phone.locator(".follow__jump a")
    assert links.count() == len(routine)
    links.nth(target).click()
    assert_card(phone, routine[target])
    assert not phone.locator(".follow__jump").evaluate("el => el.open")
    assert phone.evaluate("document.activeElement.closest('.follow-card') !== null")
    assert phone.locator("progress.follow__progress").evaluate("el => el.value") == target


def test_previous_next_fill_the_bottom_opaque_and_big(site_url: str, browser) -> None:
    for scheme in ("light", "dark"):
        context = new_context(browser, viewport=PHONE, color_scheme=scheme)
        page = context.new_page()
        page.goto(follow_url(site_url, GUIDES[0]))
        for name in ("Previous", "Next"):
            button = page.get_by_role("button", name=name)
            box = button.bounding_box()
            assert box is not None
            assert box["height"] >= 64 and box["width"] >= PHONE["width"] / 2 - 2
            assert box["y"] + box["height"] >= PHONE["height"] - 1
        # The bar is opaque and on top: no page text shows through or over it.
        bar = page.locator(".follow__bar")
        colour = bar.evaluate("el => getComputedStyle(el).backgroundColor")
        assert colour.startswith("rgb(") or colour.endswith(", 1)"), (scheme, colour)
        page.mouse.wheel(0, 400)
        on_top = page.evaluate(
            """() => [...document.querySelectorAll('.follow__move')].every(button => {
                const box = button.getBoundingClientRect();
                const hit = document.elementFromPoint(box.x + 5, box.y + 5);
                return hit && hit.closest('.follow__bar') !== null;
            })"""
        )
        assert on_top, scheme
        context.close()


def test_without_javascript_the_page_is_the_whole_routine(site_url: str, browser) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    for guide in GUIDES:
        page.goto(follow_url(site_url, guide))
        assert page.locator(".follow-card:visible").count() == len(guide.routine())
        assert not page.locator(".follow__bar").is_visible()
        assert not page.locator(".follow__tools").is_visible()
        steps = page.locator(".follow-steps")
        assert steps.is_visible()
        drawn = steps.locator("figure svg").count()
        assert drawn >= len(guide.summaries), lacks_drawings(guide.slug)
        assert drawn == len(guide.summaries), guide.slug
        # Each step card leads to its step in full.
        page.locator(".follow-card__more a").first.click()
        assert page.url.endswith("#follow-step-1")
    context.close()


def test_screen_stays_on_while_following_with_its_state_in_words(site_url: str, phone) -> None:
    phone.goto(follow_url(site_url, GUIDES[0]))
    open_menu(phone, "Tools")
    switch = phone.get_by_role("switch", name="Keep screen on")
    expect(switch).to_have_attribute("aria-checked", "true")
    assert "Screen stays on" in switch.inner_text()
    assert phone.evaluate("window.__wakeLock.requests") == 1
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    assert "Off" in switch.inner_text()
    assert phone.evaluate("window.__wakeLock.releases") == 1
    phone.reload()  # the reader's choice holds for the session
    expect(phone.locator("[data-wake-lock]")).to_have_attribute("aria-checked", "false")


def test_the_last_card_lets_the_screen_sleep_and_start_again_takes_the_lock(
    site_url: str, phone
) -> None:
    guide = GUIDES[0]
    routine = guide.routine()
    phone.goto(follow_url(site_url, guide))
    switch = phone.locator("[data-wake-lock]")
    expect(switch).to_have_attribute("aria-checked", "true")
    jump_to_the_end(phone)
    assert_card(phone, routine[-1])
    expect(switch).to_have_attribute("aria-checked", "false")
    assert "routine done" in (switch.text_content() or "")
    assert "The screen may turn off now" in (phone.get_by_role("status").text_content() or "")
    assert phone.evaluate("window.__wakeLock") == {"requests": 1, "releases": 1}
    # Coming back to the tab on the last card does not take it again.
    phone.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    assert phone.evaluate("window.__wakeLock.requests") == 1
    # The reader's choice is unchanged: Start again takes it again.
    phone.get_by_role("link", name="Start again").click()
    expect(switch).to_have_attribute("aria-checked", "true")
    assert phone.evaluate("window.__wakeLock.requests") == 2


def test_a_refused_lock_offers_one_tap_and_never_says_on(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    # Safari: no lock without a tap; a tap is granted.
    context.add_init_script(
        WAKE_LOCK_STUB
        + """
        const granted = navigator.wakeLock.request;
        window.__tapped = false;
        document.addEventListener('pointerdown', () => { window.__tapped = true; }, true);
        Object.defineProperty(Navigator.prototype, 'wakeLock', {configurable: true, get: () => ({
            request: async () => {
                if (!window.__tapped) throw new DOMException('no tap', 'NotAllowedError');
                window.__wakeLock.requests += 1;
                return {release: async () => {}, addEventListener: () => {}};
            },
        })});"""
    )
    page = context.new_page()
    page.goto(follow_url(site_url, GUIDES[0]))
    prompt = page.get_by_role("button", name="Keep screen on")
    prompt.wait_for()
    switch = page.locator("[data-wake-lock]")
    assert switch.get_attribute("aria-checked") == "false"
    assert "On" not in switch.inner_text().replace("Keep screen on", "")
    prompt.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    assert not prompt.is_visible()
    assert page.evaluate("window.__wakeLock.requests") == 1
    context.close()


def test_timer_is_off_until_chosen_then_counts_down_and_chimes(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(SOUND_STUB)
    page = context.new_page()
    page.clock.install()
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    routine = guide.routine()
    page.goto(follow_url(site_url, guide))
    # Time moves only when the test says so.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.get_by_role("button", name="Next").click()  # from Get ready to the first step
    open_menu(page, "Tools")
    assert page.get_by_label("Timer per step").input_value() == "0"
    assert not page.locator("[data-timer-left]").is_visible()
    page.clock.run_for(600_000)  # ten minutes: nothing happens without a timer
    assert_card(page, routine[1])
    assert page.evaluate("window.__sounds") == 0
    # Moving on by itself is offered from the start, usable once there is a timer.
    auto = page.get_by_label("Next step when the time is up")
    assert auto.is_visible() and auto.is_disabled()
    card_top = page.locator(".follow-card:not([hidden])").bounding_box()["y"]
    page.get_by_label("Timer per step").select_option(label="30 s")
    assert auto.is_enabled()
    assert page.locator(".follow-card:not([hidden])").bounding_box()["y"] == card_top
    left = page.locator("[data-timer-left]")
    assert left.inner_text() == "0:30"
    page.clock.run_for(10_000)
    assert left.inner_text() == "0:20"
    # Pause holds the time; resume goes on from it.
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for(60_000)
    assert left.inner_text() == "0:20"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(20_500)
    assert left.inner_text() == "Time is up"
    assert page.evaluate("window.__sounds") == 1
    assert page.evaluate("window.__vibrations") == [200]
    assert_card(page, routine[1])  # no moving on unless the reader asks for it
    # The countdown sits in the bar, between Previous and Next: it covers no part of the card.
    bar = page.locator(".follow__bar").bounding_box()
    timer = page.locator("[data-timer-row]").bounding_box()
    assert timer["y"] >= bar["y"] and timer["y"] + timer["height"] <= bar["y"] + bar["height"]
    # Moving on by itself, once chosen: never over a switch card.
    open_menu(page, "Tools")  # tapping Pause outside the panel closed it
    page.get_by_label("Next step when the time is up").check()
    page.get_by_role("button", name="Next").click()
    assert left.inner_text() == "0:30"
    first_switch = next(i for i, card in enumerate(routine) if card[0] == "switch")
    for index in range(2, first_switch):
        assert_card(page, routine[index])
        page.clock.run_for(31_000)
    assert_card(page, routine[first_switch])
    assert not left.is_visible()
    page.clock.run_for(600_000)
    assert_card(page, routine[first_switch])
    context.close()


def test_read_aloud_speaks_each_card_and_stops_on_moving_on(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    routine = guide.routine()
    page.goto(follow_url(site_url, guide))
    page.get_by_role("button", name="Next").click()  # from Get ready to the first step
    open_menu(page, "Tools")
    switch = page.get_by_role("switch", name="Read aloud")
    assert switch.get_attribute("aria-checked") == "false"
    assert page.evaluate("window.__spoken.filter(s => s.text)") == []
    switch.click()
    spoken = page.evaluate("window.__spoken")
    texts = [entry["text"] for entry in spoken if "text" in entry]
    assert texts[0] == guide.summaries[0]
    assert len(texts) >= 3  # then the step's own text, paragraph by paragraph
    assert {entry["voice"] for entry in spoken if "text" in entry} == {"Near"}
    step_text = page.locator(".follow-card:visible [data-follow-slot]").inner_text()
    assert all(" ".join(text.split()[:5]) in " ".join(step_text.split()) for text in texts[1:])
    # "Read again" says the card again, from its start.
    again = page.get_by_role("button", name="Read again")
    before = len(page.evaluate("window.__spoken"))
    again.click()
    repeated = page.evaluate("window.__spoken")[before:]
    assert repeated[0] == {"cancel": True} and repeated[1]["text"] == guide.summaries[0]
    before = len(page.evaluate("window.__spoken"))
    page.get_by_role("button", name="Next").click()
    after = page.evaluate("window.__spoken")[before:]
    assert after[0] == {"cancel": True}
    assert after[1]["text"] == guide.summaries[1]
    # A switch card speaks its prompt.
    first_switch = next(i for i, card in enumerate(routine) if card[0] == "switch")
    for _ in range(first_switch - 2):
        page.get_by_role("button", name="Next").click()
    last = page.evaluate("window.__spoken")
    cancel = max(i for i, entry in enumerate(last) if "cancel" in entry)
    assert last[cancel + 1]["text"].startswith(routine[first_switch][1])
    # Leaving the page stops the voice.
    cancels = page.evaluate("window.__cancels")
    page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert page.evaluate("window.__cancels") == cancels + 1
    context.close()


def test_read_aloud_says_so_when_the_device_has_no_voice(site_url: str, browser) -> None:
    context = new_context(browser)
    context.add_init_script(SPEECH_STUB + "window.__voices = [];")
    page = context.new_page()
    page.goto(follow_url(site_url, GUIDES[0]))
    open_menu(page, "Tools")
    switch = page.get_by_role("switch", name="Read aloud")
    switch.click()
    # It cannot work here: it says so where the switch is, and does not say "On".
    assert "no voice" in page.locator("[data-read-aloud-note]").inner_text()
    assert "no voice" in page.get_by_role("status").inner_text()
    assert switch.get_attribute("aria-checked") == "false"
    assert "No voice" in switch.inner_text()
    assert page.evaluate("window.__spoken.filter(s => s.text)") == []
    assert not page.get_by_role("button", name="Read again").is_visible()
    context.close()


def test_a_switch_that_is_off_never_looks_filled(site_url: str, browser) -> None:
    for scheme in ("light", "dark"):
        context = new_context(browser, viewport=PHONE, color_scheme=scheme)
        context.add_init_script(SPEECH_STUB)
        page = context.new_page()
        page.goto(follow_url(site_url, GUIDES[0]))
        page.add_style_tag(content="* { transition: none !important; }")
        open_menu(page, "Tools")
        switch = page.get_by_role("switch", name="Read aloud")
        switch.click()  # on
        switch.click()  # off again, still focused and under the pointer
        assert switch.get_attribute("aria-checked") == "false"
        background = switch.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background in ("rgba(0, 0, 0, 0)", "transparent"), (scheme, background)
        context.close()


def test_read_aloud_is_hidden_without_speech_synthesis(site_url: str, browser) -> None:
    context = new_context(browser)
    context.add_init_script("delete window.speechSynthesis;")
    page = context.new_page()
    page.goto(follow_url(site_url, GUIDES[0]))
    assert page.locator("[data-read-aloud]").count() == 1
    assert not page.locator("[data-read-aloud]").is_visible()
    assert page.get_by_role("button", name="Next").is_visible()
    context.close()


def test_walking_shifts_no_layout(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(entry => {
            if (!entry.hadRecentInput) window.__shift += entry.value;
        })).observe({type: 'layout-shift', buffered: true});"""
    )
    context.add_init_script(SOUND_STUB)
    page = context.new_page()
    page.clock.install()
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    page.goto(follow_url(site_url, guide), wait_until="networkidle")
    page.get_by_role("button", name="Next").click()  # from Get ready to the first step
    # Cards that move on by themselves (no input to excuse a shift), then by Next.
    open_menu(page, "Tools")
    page.get_by_label("Timer per step").select_option(label="30 s")
    page.get_by_label("Next step when the time is up").check()
    open_menu(page, "Tools")
    steps_first = next(i for i, card in enumerate(guide.routine()) if card[0] == "switch")
    for _ in range(steps_first - 1):
        page.clock.run_for(31_000)
        page.evaluate("() => new Promise(requestAnimationFrame)")
    for _ in range(len(guide.routine()) - 1 - steps_first):
        page.get_by_role("button", name="Next").click()
    page.evaluate("() => new Promise(requestAnimationFrame)")
    assert page.evaluate("window.__shift") == 0
    context.close()


def test_start_leads_from_the_overview_to_the_first_card(site_url: str, phone) -> None:
    for guide in GUIDES:
        phone.goto(urljoin(site_url, f"{guide.slug}/"))
        start = phone.get_by_role("link", name="Start")
        box = start.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        start.click()
        started(phone, follow_url(site_url, guide))
        assert_card(phone, guide.routine()[0])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_card_has_no_axe_violation(site_url: str, browser, scheme: str) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs axe-core with npm)")
    context = new_context(browser, viewport=PHONE, color_scheme=scheme)
    context.add_init_script(WAKE_LOCK_STUB + SPEECH_STUB)
    page = context.new_page()
    page.clock.install()
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    page.goto(follow_url(site_url, guide))
    # Colours are measured as they end, not halfway through Material's 125 ms transitions.
    page.add_style_tag(content="* { transition: none !important; }")
    open_menu(page, "Tools")
    page.get_by_label("Timer per step").select_option(label="1 min")
    page.get_by_role("switch", name="Read aloud").click()
    found = {}
    # axe-core is added once: the page is never left, only its cards change.
    if problems := violations(page, AXE, scheme):
        found["tools panel"] = problems
    open_menu(page, "Steps")
    if problems := violations(page, None, scheme):
        found["steps list"] = problems
    page.keyboard.press("Escape")
    seen = set()
    for number, (kind, _heading) in enumerate(guide.routine()):
        if kind not in seen:
            seen.add(kind)
            # The first card of each kind, as the steps list's own link shows it.
            page.evaluate("at => document.querySelectorAll('[data-follow-go]')[at].click()", number)
            assert shown(page)[0] == kind
            if problems := violations(page, None, scheme):
                found[kind] = problems
    context.close()
    assert seen >= {"ready", "step", "finish"}
    assert found == {}


# A speechSynthesis whose voices come late, as Chrome's do: `voiceschanged` brings them.
LATE_VOICES_STUB = """
    window.__spoken = [];
    const listeners = [];
    window.__voices = [];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        getVoices: () => window.__voices,
        speak: (u) => window.__spoken.push(u.text),
        cancel: () => {},
        addEventListener: (type, listener) => {
            if (type === 'voiceschanged') listeners.push(listener);
        },
    }});
    window.__voicesCome = () => {
        window.__voices = [{name: 'Near', lang: 'en-GB', localService: true}];
        listeners.forEach(listener => listener(new Event('voiceschanged')));
    };
"""

# A speechSynthesis that throws at every call.
THROWING_SPEECH_STUB = """
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        getVoices: () => { throw new Error('getVoices'); },
        speak: () => { throw new Error('speak'); },
        cancel: () => { throw new Error('cancel'); },
        addEventListener: () => {},
    }});
"""


def test_voices_that_come_late_read_the_card_that_is_showing(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(LATE_VOICES_STUB)
    page = context.new_page()
    guide = GUIDES[0]
    page.goto(follow_url(site_url, guide))
    page.get_by_role("button", name="Next").click()
    open_menu(page, "Tools")
    switch = page.get_by_role("switch", name="Read aloud")
    switch.click()
    assert "No voice" in switch.inner_text()
    assert page.evaluate("window.__spoken") == []
    page.evaluate("window.__voicesCome()")
    assert page.evaluate("window.__spoken")[0] == guide.summaries[0]
    assert switch.get_attribute("aria-checked") == "true"
    context.close()


def test_a_speech_engine_that_throws_loses_read_aloud_not_the_walk(site_url: str, browser) -> None:
    context = new_context(browser, viewport=PHONE)
    context.add_init_script(THROWING_SPEECH_STUB)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    guide = max(GUIDES, key=lambda guide: len(guide.routine()))
    routine = guide.routine()
    page.goto(follow_url(site_url, guide))
    for index in range(1, 4):
        page.get_by_role("button", name="Next").click()
        assert_card(page, routine[index])
    assert not page.locator("[data-read-aloud]").is_visible()
    page.clock.install()
    open_menu(page, "Tools")
    page.get_by_label("Timer per step").select_option(label="30 s")
    assert page.locator("[data-timer-left]").inner_text() == "0:30"
    assert errors == []
    context.close()

"""Jinja's bytecode cache kept across builds: code reused only for the same source and set-up."""

from __future__ import annotations

from jinja2 import DictLoader, Environment, select_autoescape

from massage_guides.compiled_templates import CompiledTemplates

SOURCE = "<p>{{ text }}</p>"


def _environment(cache: CompiledTemplates, source: str = SOURCE, **options: object) -> Environment:
    """A fresh environment, as MkDocs makes one each build, with the cache given."""
    env = Environment(loader=DictLoader({"page.html": source}), **options)  # type: ignore[arg-type]
    env.bytecode_cache = cache
    return env


def test_the_same_source_reuses_the_code_compiled_for_it() -> None:
    cache = CompiledTemplates()
    first = _environment(cache).get_template("page.html")
    second = _environment(cache).get_template("page.html")
    assert second.root_render_func.__code__ is first.root_render_func.__code__
    assert second.render(text="a") == "<p>a</p>"


def test_an_edited_template_is_compiled_afresh() -> None:
    cache = CompiledTemplates()
    assert _environment(cache).get_template("page.html").render(text="a") == "<p>a</p>"
    edited = _environment(cache, "<li>{{ text }}</li>").get_template("page.html")
    assert edited.render(text="a") == "<li>a</li>"
    # And the edit is what the next build gets.
    assert _environment(cache, "<li>{{ text }}</li>").get_template("page.html").render(
        text="b"
    ) == ("<li>b</li>")


def test_an_environment_set_up_otherwise_compiles_its_own() -> None:
    cache = CompiledTemplates()
    assert _environment(cache).get_template("page.html").render(text="<b>") == "<p><b></p>"
    escaping = _environment(cache, autoescape=True).get_template("page.html")
    assert escaping.render(text="<b>") == "<p>&lt;b&gt;</p>"
    other_syntax = _environment(
        cache, "<p>[[ text ]]</p>", variable_start_string="[[", variable_end_string="]]"
    )
    assert other_syntax.get_template("page.html").render(text="a") == "<p>a</p>"
    assert _environment(cache).get_template("page.html").render(text="<b>") == "<p><b></p>"


def test_autoescaping_by_a_function_is_never_cached() -> None:
    cache = CompiledTemplates()
    choose = select_autoescape(["html"])
    first = _environment(cache, autoescape=choose).get_template("page.html")
    second = _environment(cache, autoescape=choose).get_template("page.html")
    assert second.root_render_func.__code__ is not first.root_render_func.__code__
    assert second.render(text="<b>") == "<p>&lt;b&gt;</p>"

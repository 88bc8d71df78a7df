"""The house rules a newcomer relies on: `hooks/` holds hooks only, and every hook is listed."""

from __future__ import annotations

import yaml

from tests.support.site import CONFIG, REPO


def _listed_hooks() -> set[str]:
    # mkdocs.yml uses !ENV and !relative tags: read it as data, keeping only the hooks list.
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    return set(config["hooks"])


def test_the_top_of_hooks_holds_exactly_the_hooks_mkdocs_yml_lists() -> None:
    files = {path.relative_to(REPO).as_posix() for path in (REPO / "hooks").glob("*.py")}
    assert files == _listed_hooks()


def test_the_shared_code_is_one_package_beside_the_hooks() -> None:
    folders = [path.name for path in (REPO / "hooks").iterdir() if path.is_dir()]
    assert [name for name in folders if name != "__pycache__"] == ["massage_guides"]
    assert (REPO / "hooks" / "massage_guides" / "__init__.py").is_file()


def test_no_test_or_bench_module_edits_sys_path() -> None:
    sources = [*(REPO / "tests").rglob("*.py"), *(REPO / "bench").glob("*.py")]
    edits = ("sys.path." + "insert", "sys.path." + "append")  # not this file's own words
    offenders = [
        path.relative_to(REPO).as_posix()
        for path in sources
        if any(edit in path.read_text(encoding="utf-8") for edit in edits)
    ]
    assert offenders == []


def test_the_longest_files_handed_out_first_exist() -> None:
    from tests.conftest import LONGEST_FIRST

    tests = REPO / "tests"
    assert [name for name in LONGEST_FIRST if not (tests / name).is_file()] == []
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)

"""`make build` replaces only what it wrote, where `site/` really is, and says why it cannot.

Entries of `site/` named ".*" (a gh-pages `.git`, `.htaccess`, `.well-known/`) stay, as MkDocs'
own build keeps them, and are never precached; a `site/` that is a link stays a link and the
folder it points to gets the new site; a lock or a `site/` it cannot use stops it in one line;
a build killed outright leaves nothing writing, and no build removes a live build's folder.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest

from massage_guides import build_site as build_module
from massage_guides import command_line
from tests.builds.test_make_build import (
    LOCAL,
    copy_project,
    leftovers,
    make_build,
    snapshot,
    start_make_build,
    wait_for,
)
from tests.support.pages import precache_list
from tests.support.site import build_site

# What a site's owner keeps in site/ beside what the build writes.
OWNED = {
    ".git/HEAD": "ref: refs/heads/gh-pages\n",
    ".htaccess": "Options -Indexes\n",
    ".well-known/security.txt": "Contact: mailto:security@example.org\n",
}


def keep_owned(site: Path) -> None:
    for name, text in OWNED.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "old-page.html").write_text("from an older build", encoding="utf-8")


def assert_owned_kept(site: Path) -> None:
    for name, text in OWNED.items():
        assert (site / name).read_text(encoding="utf-8") == text, name
    assert not (site / "old-page.html").exists()
    precached = precache_list(site)
    assert "./" in precached  # the list of this build, whole
    assert [url for url in precached if url != "./" and (url[0] == "." or "/." in url)] == []


def messages(output: str) -> list[str]:
    """The build program's own lines."""
    return [line for line in output.splitlines() if line.startswith("make build:")]


def test_make_build_keeps_the_dot_entries_of_site_and_never_precaches_them(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    site = project / "site"
    keep_owned(site)
    result = make_build(project)
    assert result.returncode == 0, result.stdout
    assert_owned_kept(site)
    assert leftovers(project) == []


def test_a_plain_mkdocs_build_never_precaches_the_dot_entries_it_keeps(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    keep_owned(site)
    build_site(site)
    assert_owned_kept(site)


def test_make_build_through_a_linked_site_replaces_the_folder_it_points_to(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    served = tmp_path / "www" / "html"
    served.mkdir(parents=True)
    keep_owned(served)
    (project / "site").symlink_to(served)
    result = make_build(project)
    assert result.returncode == 0, result.stdout
    assert (project / "site").is_symlink()
    assert os.readlink(project / "site") == str(served)
    assert (served / "index.html").is_file()
    assert_owned_kept(served)
    assert sorted(path.name for path in served.parent.iterdir()) == ["html"]
    assert leftovers(project) == []


def test_a_lock_that_is_a_folder_stops_make_build_in_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "site.lock").mkdir()
    result = make_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    assert messages(result.stdout) == [
        f"make build: cannot lock {project}/site.lock: Is a directory; nothing was changed"
    ]
    assert not (project / "site").exists()
    assert leftovers(project) == []


def test_a_site_that_is_not_a_folder_stops_make_build_in_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "site").write_text("not a site", encoding="utf-8")
    result = make_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    assert messages(result.stdout) == [
        f"make build: {project}/site is not a folder; nothing was changed"
    ]
    assert (project / "site").read_text(encoding="utf-8") == "not a site"
    assert leftovers(project) == []


def test_a_site_that_cannot_be_replaced_stops_make_build_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The swap refused (an immutable folder, a read-only mount): one line, site/ as it was.

    The refusal is the file system's, so it is made here where the build program asks for the
    swap (the build itself runs for real, in this process as `make build` runs it).
    """
    project = copy_project(tmp_path)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    before = snapshot(site)

    def refused(first: Path, second: Path) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM), str(second))

    monkeypatch.setattr(build_module, "_exchange", refused)
    # The command line's `mkdocs build` tells the hooks this process publishes: for this test
    # only (massage_guides.command_line keeps it for the process).
    monkeypatch.setattr(command_line, "_COMMAND", [])
    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_URL", LOCAL)
    code = build_module.main([str(site), "--strict"])
    output = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in output.err + output.out
    assert messages(output.err) == [
        f"make build: cannot replace {site}: Operation not permitted; nothing was changed"
    ]
    assert snapshot(site) == before
    assert leftovers(project) == []


def build_program(group: int) -> int:
    """The pid of the process running `massage_guides.build_site` in the process group."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (ProcessLookupError, FileNotFoundError):
            continue
        if b"massage_guides.build_site" in command:
            return int(entry.name)
    raise AssertionError("no build program in the group")


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_killed_make_build_leaves_nothing_writing_and_spares_a_live_builds_folder(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    site = project / "site"
    # A folder a live build owns: named for a running process (this one).
    live = project / f"site.build-{os.getpid()}"
    live.mkdir()
    (live / "page.html").write_text("being written", encoding="utf-8")

    def pages_written() -> bool:
        return any(
            (folder / "index.html").is_file()
            for folder in project.glob("site.build-*/")
            if folder != live
        )

    with start_make_build(project) as process:
        wait_for(pages_written, process, project)
        os.kill(build_program(process.pid), signal.SIGKILL)
        process.communicate(timeout=300)
    assert process.returncode != 0
    # make has ended, so its build program has: nothing of the build may still run.
    assert not group_alive(process.pid)

    result = make_build(project)
    assert result.returncode == 0, result.stdout
    assert (site / "index.html").is_file()
    assert (live / "page.html").read_text(encoding="utf-8") == "being written"
    assert leftovers(project) == [live.name]

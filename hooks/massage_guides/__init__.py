"""What the hooks of massage-guides share: the guide model and the code around it.

The files at the top of `hooks/` are exactly the hooks `mkdocs.yml` lists, each one concern
that hands over to this package. MkDocs puts `hooks/` on `sys.path` while it loads a hook, so
a hook imports `massage_guides` then; the tests and the benchmark find it through pytest's
`pythonpath` and the Makefile's `PYTHONPATH`. Inside the package, imports are relative.

- `model`: the guides of one build, read from front matter (`front_matter`, `schema`,
  `titles`, `markdown_lines`), and the limits a guide keeps to;
- `templates`, `generated`, `address`, `sheet`: rendering, generated pages, the public
  address and QR code, the printed checklist's sizes;
- `scripts`: the order of the site's scripts (the core units first);
- `command_line`: which `mkdocs` command this process runs;
- `build_site`, `new_guide`: the programs behind `make build` and `make new-guide`.
"""

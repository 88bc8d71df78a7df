// ESLint for the site's own scripts (`make lint`): the recommended rules, browser globals and
// those Material for MkDocs defines on every page. ESLint and these packages are installed by
// the Makefile into .npm/ (not node_modules/), so they are required from there.
import { createRequire } from "node:module";

const require = createRequire(new URL(".npm/", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

// Material's base template: the site's base URL and its storage helpers.
const materialTemplate = ["__md_scope", "__md_get", "__md_set", "__md_hash"];
// Material's bundle: its observables (`document$` emits on every page load).
const materialBundle = [
  "document$",
  "location$",
  "target$",
  "keyboard$",
  "viewport$",
  "tablet$",
  "screen$",
  "print$",
  "alert$",
  "progress$",
  "component$",
];

export default [
  js.configs.recommended,
  {
    // Plain scripts for the browser, joined into bundles by hooks/assets.py: each an IIFE
    // whose names stay in it; what they share is `window.massageGuides` (core/).
    files: ["overrides/javascripts/**/*.js"],
    languageOptions: {
      // ES5 style (`var`, IIFEs) with a few later features (`catch {}`, `\p{L}` in regular
      // expressions): nothing past ES2020.
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        ...Object.fromEntries(
          [...materialTemplate, ...materialBundle].map((name) => [name, "readonly"])
        ),
      },
    },
    rules: {
      "no-implicit-globals": "error",
    },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { globals: globals.node },
  },
];

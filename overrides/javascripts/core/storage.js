/*
 * Core unit: what the site remembers. `massageGuides.store("sessionStorage")` keeps text for
 * this browser session, `massageGuides.store("localStorage", true)` keeps JSON values across
 * visits; each store has `get(name)` (null when nothing is kept) and `set(name, value)`.
 * Two copies on one origin (/guides/ and /staging/, as GitHub Pages project sites share
 * user.github.io) share both storages: every key starts with the site's base path, as
 * Material's own do (`__md_scope`, set in its base template), then "massage-guides:".
 * Blocked or full storage is ignored: the page still works for this visit. The core units
 * come first in the site's bundle (mkdocs.yml; checked by hooks/massage_guides/scripts.py).
 */
(function () {
  "use strict";
  var site = (window.massageGuides = window.massageGuides || {});

  site.store = function (area, json) {
    return {
      get: function (name) {
        try {
          var value = window[area].getItem(__md_scope.pathname + "massage-guides:" + name);
          return json ? JSON.parse(value) : value;
        } catch {
          return null;
        }
      },
      set: function (name, value) {
        try {
          window[area].setItem(
            __md_scope.pathname + "massage-guides:" + name,
            json ? JSON.stringify(value) : value
          );
        } catch {
          /* Full or blocked: kept for this page only. */
        }
      }
    };
  };
})();

/*
 * Material's search dialog, made to say where results lead.
 *
 * 1. The dialog (partials/search.html, which has no template block) has role="dialog" but
 *    no name; screen readers announce it as an unnamed dialog.
 * 2. Each result shows the title of the guide it belongs to (Material shows the page title
 *    only, and two guides both have "Tips and warnings"). The titles come from
 *    search/guides.json, written by hooks/search_guides.py.
 * 3. Read from inside a guide, results of that guide that match every word typed come
 *    first. Material's search ranks the whole site the same way from every page and offers
 *    no hook into its ranking, so this reorders the results it has drawn, keeping
 *    Material's order otherwise (README: "Search").
 *
 * Runs once, when the site's bundle loads, and uses no core unit (javascripts/core/).
 */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }

  var list = document.querySelector(".md-search-result__list");
  var config = document.getElementById("__config");
  if (!list || !config) return;
  var root = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href);
  var guides = null;

  /* A URL's path as its folders are named ("C#-massage/", not "C%23-massage/"). */
  function decodedPath(href) {
    var path = new URL(href, location.href).pathname;
    try {
      return decodeURIComponent(path);
    } catch {
      return path; /* a malformed %-sequence: compared as it is */
    }
  }
  var rootPath = decodedPath(root.href);

  /* The guide folder ("foot-massage/") a URL belongs to, or null. */
  function guideOf(href) {
    var path = decodedPath(href);
    if (!guides || path.indexOf(rootPath) !== 0) return null;
    path = path.slice(rootPath.length);
    var best = null;
    Object.keys(guides).forEach(function (folder) {
      if (path.indexOf(folder) === 0 && (!best || folder.length > best.length)) best = folder;
    });
    return best;
  }

  function link(item) {
    return item.querySelector("a.md-search-result__link");
  }

  function label(item) {
    var anchor = link(item);
    var folder = anchor && guideOf(anchor.href);
    if (!folder || item.querySelector(".search-result-guide")) return;
    // The guide's overview already has the guide's title as its own.
    if (decodedPath(anchor.href) === rootPath + folder) return;
    var heading = anchor.querySelector("h1, h2");
    var line = document.createElement("span");
    line.className = "search-result-guide";
    line.textContent = guides[folder];
    heading.parentNode.insertBefore(line, heading);
  }

  /* The words typed that some result highlights (stop words never are). */
  function matchedWords() {
    var input = document.querySelector("input.md-search__input");
    var words = (input ? input.value : "").toLowerCase().split(/[^\p{L}\p{N}']+/u);
    var marks = list.querySelectorAll("mark");
    return words.filter(function (word) {
      return word && Array.prototype.some.call(marks, function (mark) {
        return mark.textContent.toLowerCase().indexOf(word) === 0;
      });
    });
  }

  function matchesAll(item, words) {
    var marks = Array.prototype.map.call(item.querySelectorAll("mark"), function (mark) {
      return mark.textContent.toLowerCase();
    });
    return words.every(function (word) {
      return marks.some(function (mark) { return mark.indexOf(word) === 0; });
    });
  }

  /* Results of the guide being read that match every word first, in Material's order. */
  function preferCurrentGuide(items) {
    var current = guideOf(location.href);
    if (!current) return;
    var words = matchedWords();
    if (!words.length) return;
    var first = items.filter(function (item) {
      var anchor = link(item);
      return anchor && guideOf(anchor.href) === current && matchesAll(item, words);
    });
    var order = first.concat(items.filter(function (item) { return first.indexOf(item) < 0; }));
    var same = order.every(function (item, index) { return item === items[index]; });
    if (!same) order.forEach(function (item) { list.appendChild(item); });
  }

  function update() {
    if (!guides) return;
    var items = Array.prototype.slice.call(list.children);
    items.forEach(label);
    preferCurrentGuide(items);
  }

  /* Loaded when the reader first opens search, not with every page. */
  var loading = null;
  function load() {
    loading = loading || fetch(new URL("search/guides.json", root))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (titles) { guides = titles; update(); })
      .catch(function () { /* Offline before the first visit: results without labels. */ });
    return loading;
  }

  var input = document.querySelector("input.md-search__input");
  if (input) input.addEventListener("focus", load);
  new MutationObserver(function () { load().then(update); }).observe(list, { childList: true });
})();

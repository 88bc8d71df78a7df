/*
 * Storage keys for this copy of the site. Two copies on one origin (/guides/ and /staging/,
 * as GitHub Pages project sites share user.github.io) share localStorage and sessionStorage:
 * every key starts with the site's base path, as Material's own keys do (`__md_scope`, set
 * in its base template). First in the bundle, so the scripts after it can use it.
 */
window.siteStorageKey = function (name) {
  "use strict";
  return __md_scope.pathname + "massage-guides:" + name;
};

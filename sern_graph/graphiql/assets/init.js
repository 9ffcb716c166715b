/*
 * Starts GraphiQL for sern-graph. Loaded as a static file so that the page
 * needs no inline script (strict Content-Security-Policy friendly).
 *
 * The page provides its settings in <script type="application/json"
 * id="graphiql-config">: {"endpoint": "...", "exampleQuery": "..."}.
 */
(function () {
  "use strict";

  var root = document.getElementById("graphiql");

  function showError(message) {
    root.textContent = message;
    root.className = "sern-graphiql-error";
  }

  if (typeof window.GraphiQL === "undefined" || typeof window.React === "undefined") {
    showError("GraphiQL could not be loaded: its script files are missing from this service.");
    return;
  }

  var config = JSON.parse(document.getElementById("graphiql-config").textContent);

  // Post JSON to the endpoint on this origin, sending cookies only to the same origin.
  function sameOriginFetch(url, init) {
    var options = Object.assign({}, init, {
      credentials: "same-origin",
      headers: Object.assign({ accept: "application/json" }, init && init.headers),
    });
    return window.fetch(url, options);
  }

  var fetcher = window.GraphiQL.createFetcher({
    url: config.endpoint,
    fetch: sameOriginFetch,
    enableIncrementalDelivery: false,
  });

  var element = window.React.createElement(window.GraphiQL, {
    fetcher: fetcher,
    defaultQuery: config.exampleQuery,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  });

  window.ReactDOM.createRoot(root).render(element);
})();

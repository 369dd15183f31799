// The search page: Pagefind's index where the site is served (a reader downloads only
// the parts of the index a query needs), Sphinx's whole index where Pagefind cannot load
// (a copy of the site opened from disk: browsers load no modules from file:// pages).
"use strict";
(() => {
  const script = document.currentScript;
  const PAGE = 10; // results shown at a time, as Pagefind's own interface does

  // Sphinx's translations (doctools.js declares them with const: not a property of window).
  const translated = () => typeof Documentation !== "undefined";
  const say = (message) => (translated() ? Documentation.gettext(message) : message);
  const sayCount = (one, many, count) =>
    (translated() ? Documentation.ngettext(one, many, count) : many).replace(
      "${resultCount}",
      count,
    );

  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = src;
      element.onload = resolve;
      element.onerror = reject;
      document.body.appendChild(element);
    });

  // Sphinx's own search, as its search page would have run it.
  const sphinxSearch = async () => {
    for (const src of script.dataset.fallback.split(" ")) await loadScript(src);
  };

  // Pagefind marks the words it found with <mark>; all else of an excerpt is text, whose
  // entities a <textarea> decodes without making elements of anything.
  const decoder = document.createElement("textarea");
  const excerpt = (html) => {
    const context = document.createElement("p");
    context.className = "context";
    html.split(/<mark>|<\/mark>/).forEach((part, index) => {
      decoder.innerHTML = part;
      if (index % 2) context.appendChild(document.createElement("mark")).textContent = decoder.value;
      else context.appendChild(document.createTextNode(decoder.value));
    });
    return context;
  };

  const item = (data) => {
    const entry = document.createElement("li");
    const link = entry.appendChild(document.createElement("a"));
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    entry.appendChild(excerpt(data.excerpt));
    return entry;
  };

  const show = async (pagefind, query) => {
    const output = document.getElementById("search-results");
    const title = output.appendChild(document.createElement("h2"));
    title.textContent = say("Searching");
    const summary = output.appendChild(document.createElement("p"));
    summary.className = "search-summary";
    const list = output.appendChild(document.createElement("ul"));
    list.className = "search";
    const found = (await pagefind.search(query)).results;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = script.dataset.more;
    let shown = 0;
    const next = async () => {
      more.disabled = true; // one batch at a time
      const batch = await Promise.all(found.slice(shown, shown + PAGE).map((r) => r.data()));
      batch.forEach((data) => list.appendChild(item(data)));
      shown += batch.length;
      more.disabled = false;
      if (shown < found.length) output.appendChild(more);
      else more.remove();
    };
    more.addEventListener("click", next);
    await next();
    // Written last, as Sphinx's search does: the summary says the search is done.
    title.textContent = say("Search Results");
    summary.textContent = found.length
      ? sayCount(
          "Search finished, found one page matching the search query.",
          "Search finished, found ${resultCount} pages matching the search query.",
          found.length,
        )
      : say(
          "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.",
        );
  };

  const start = async () => {
    const query = new URLSearchParams(location.search).get("q");
    document.querySelectorAll('input[name="q"]').forEach((input) => (input.value = query));
    let pagefind;
    try {
      // Resolved against the page: a module path is resolved against the script's own.
      pagefind = await import(new URL(script.dataset.pagefind, location.href).href);
      await pagefind.options({ baseUrl: new URL(script.dataset.root, location.href).pathname });
    } catch {
      await sphinxSearch();
      return;
    }
    if (query) await show(pagefind, query);
  };
  start();
})();

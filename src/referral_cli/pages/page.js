/* The desk page and the public page: search as you type, the answer card, the visitor slip.
 *
 * Everything shown comes from the JSON in #page-data (actors, labels, the index) and
 * #page-rows (the rows),
 * and is put on the page as text (textContent), never as markup, so a hostile name or
 * address in the data cannot become a tag or a script. The only markup inserted is a
 * slip from #page-slips, which referral rendered from the slip template with every
 * value escaped. Links are made only from the addresses referral checked (`*_href`).
 */
(function () {
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var L = data.labels;
  var desk = new ReferralSearch.Desk(data);
  var rowsCache = null;
  function rowsOf() { // the rows' text, read when first shown (or while nobody types)
    if (rowsCache === null) rowsCache = JSON.parse(document.getElementById("page-rows").textContent);
    return rowsCache;
  }
  var actors = data.actors;
  var categories = data.categories;
  var byId = new Map(data.index.keys.map(function (id, n) { return [id, n]; }));
  var MORE = data.more_hits;
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var state = { query: "", selected: null, visitor: "" };
  // The visitor's language (desk page): which actors help in it, and the slip in it.
  var visitorSelect = document.getElementById("visitor-lang");
  var visitorLanguages = new Map((data.visitor_languages || []).map(function (item) {
    return [item.code, item];
  }));
  var VW = data.visitor_words || {};
  var timings = [];

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        if (name === "text") node.textContent = attributes[name];
        else node.setAttribute(name, attributes[name]);
      });
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function visitorLanguage() {
    return state.visitor ? visitorLanguages.get(state.visitor) || null : null;
  }

  function languageLabel(item) { // as lookup --visitor-lang names it: arabiska (العربية)
    return item.own ? item.name + " (" + item.own + ")" : item.name;
  }

  // Whether actor `n` helps in the visitor's language: null when its languages are not recorded.
  function speaks(n, visitor) {
    var bases = data.speaks[n];
    return bases ? bases.indexOf(visitor.base) >= 0 : null;
  }

  // An actor on the card: its name, whether it helps in the visitor's language, and its
  // channels and languages as the directory on this page lists them (rendered there
  // from the same contact view).
  function actorBlock(n, visitor) {
    var actor = actors[n];
    var block = el("div", { "class": "actor" }, [
      el("p", { "class": "actor-name" }, [el("a", { href: "#aktor-" + actor.id, text: actor.name })])
    ]);
    if (visitor) {
      var helps = speaks(n, visitor);
      block.appendChild(el("p", {
        "class": "speaks" + (helps ? " speaks-yes" : ""),
        text: helps === null ? VW.no_languages : fill(helps ? VW.helps : VW.not_in, { language: visitor.name })
      }));
    }
    var entry = document.getElementById("aktor-" + actor.id);
    if (entry) {
      entry.querySelectorAll(".channels, .languages").forEach(function (node) {
        block.appendChild(node.cloneNode(true));
      });
    }
    return block;
  }

  function part(title, body, extra) {
    return el("section", { "class": "card-part" + (extra ? " " + extra : "") },
      [el("h3", { text: title })].concat(body));
  }

  // The answer card: everything the desk guide says about one row, and its slip.
  function card(number, score) {
    var row = rowsOf()[number];
    var parts = [];
    if (row.library_can) parts.push(part(L.library_can, [el("p", { text: row.library_can })]));
    if (row.phrasing) {
      parts.push(part(L.phrasing, [el("blockquote", { text: L.quote_open + row.phrasing + L.quote_close })], "phrasing"));
    }
    parts.push(part(L.solution, [el("p", { text: row.solution })]));
    var visitor = visitorLanguage();
    var referred = row.actors.length
      ? row.actors.map(function (n) { return actorBlock(n, visitor); })
      : [el("p", { text: L.no_referral })];
    var refer = [el("div", { "class": "card-actors" }, referred)];
    if (visitor && row.actors.length) {
      var helping = row.actors.filter(function (n) { return speaks(n, visitor) === true; });
      refer.unshift(el("p", { "class": "visitor-summary", text: helping.length
        ? fill(VW.summary, { language: languageLabel(visitor), actors: helping.map(function (n) { return actors[n].name; }).join(", ") })
        : fill(VW.summary_none, { language: languageLabel(visitor) }) }));
    }
    parts.push(part(L.refer_to, refer, "refer"));
    if (row.requires.length) {
      parts.push(part(L.requires, [el("ul", { "class": "requires" }, row.requires.map(function (item) {
        return el("li", { text: item });
      }))]));
    }
    var meta = [];
    if (score !== null) meta.push(fill(L.page_score, { score: score.toFixed(2) }));
    if (row.reviewed) meta.push(L.row_reviewed + " " + row.reviewed);
    var article = el("article", { "class": "card", id: "card", "aria-labelledby": "card-title", "data-row": row.id }, [
      el("p", { "class": "card-category", text: categories[row.category] }),
      el("h2", { id: "card-title", tabindex: "-1", text: row.need }),
      meta.length ? el("p", { "class": "card-meta", text: meta.join(" · ") }) : null,
      el("div", { "class": "card-parts" }, parts)
    ]);
    if (data.slips) {
      var translated = visitor && visitor.slip;
      var slip = translated ? visitor.slip : data.slip_language;
      var button = el("button", { type: "button", "class": "print-slip", "data-row": row.id, "data-slip": slip,
        text: translated ? fill(L.desk_print_slip_in, { language: languageLabel(visitor) }) : L.page_print_slip });
      button.addEventListener("click", function () { printSlip(number, slip); });
      article.appendChild(button);
      if (visitor && !translated) {
        article.appendChild(el("p", { "class": "slip-language-note",
          text: fill(L.desk_slip_original, { language: visitor.name, original: data.original_language }) }));
      }
    }
    return article;
  }

  function hitList(title, hits, className) {
    var list = el("ol", { "class": "hit-list" }, hits.map(function (hit) {
      var row = rowsOf()[byId.get(hit.key)];
      var link = el("a", { href: "#rad-" + row.id, text: row.need });
      if (row.original && data.original) { // a need not translated yet: read as what it is
        link.setAttribute("lang", data.original.lang);
        link.setAttribute("dir", data.original.dir);
      }
      return el("li", { "data-row": row.id }, [
        link,
        el("span", { "class": "hit-meta", text: " · " + categories[row.category] +
          (data.mode === "desk" ? " · " + fill(L.page_score, { score: hit.score.toFixed(2) }) : "") })
      ]);
    }));
    return el("section", { "class": className }, [el("h3", { text: title }), list]);
  }

  // The actor index keeps actors.yaml's order and the page's actors are in name order:
  // a hit names its actor by id (`key`), never by its place in the index.
  var actorPlace = new Map(actors.map(function (actor, n) { return [actor.id, n]; }));
  function actorHits(found, shown) {
    var listed = found.filter(function (hit) {
      return actorPlace.has(hit.key) && shown.indexOf(actorPlace.get(hit.key)) < 0;
    });
    if (!listed.length) return null;
    return el("section", { "class": "actor-hits" }, [
      el("h3", { text: L.page_matching_actors }),
      el("ul", {}, listed.map(function (hit) {
        var actor = actors[actorPlace.get(hit.key)];
        return el("li", { "data-actor": actor.id }, [el("a", { href: "#aktor-" + actor.id, text: actor.name })]);
      }))
    ]);
  }

  function suggestionLine(words, commonWordsOnly) {
    var advice = words.length ? L.page_closest_words + " "
      : commonWordsOnly ? L.page_common_words_only : L.page_no_words;
    var line = el("p", { "class": "suggestions" }, [document.createTextNode(advice)]);
    words.forEach(function (word, n) {
      if (n) line.appendChild(document.createTextNode(", "));
      var button = el("button", { type: "button", "class": "suggestion", text: word });
      button.addEventListener("click", function () { input.value = word; search(); input.focus(); });
      line.appendChild(button);
    });
    return line;
  }

  function render() {
    var started = performance.now();
    var result = state.query ? desk.lookup(state.query) : null;
    var nodes = [];
    var message = "";
    var answer = null;
    var cardRow = state.selected;
    if (result) {
      answer = result.answer ? byId.get(result.answer.key) : null;
      if (cardRow === null) cardRow = answer;
      if (!result.hits.length) {
        message = fill(L.page_nothing, { query: result.query });
        nodes.push(el("p", { "class": "nothing", text: message }));
        nodes.push(suggestionLine(result.suggestions, result.commonWordsOnly));
      } else {
        message = answer !== null ? fill(L.page_status_answer, { need: rowsOf()[answer].need })
          : L.page_status_closest;
      }
      if (result.unmatched.length) {
        nodes.push(el("p", { "class": "unmatched", text: fill(L.page_not_found, { words: result.unmatched.join(", ") }) }));
      }
    }
    if (cardRow !== null && data.mode === "desk") {
      var hit = result ? result.hits.filter(function (h) { return byId.get(h.key) === cardRow; })[0] : null;
      nodes.unshift(card(cardRow, hit ? hit.score : null));
      if (!result) message = rowsOf()[cardRow].need;
    }
    if (result && result.hits.length) {
      var rest = result.hits.filter(function (h) { return byId.get(h.key) !== cardRow || data.mode !== "desk"; });
      if (data.mode === "desk") {
        rest = rest.slice(0, answer !== null || state.selected !== null ? MORE : MORE + 1);
        var title = answer !== null ? L.page_more_hits : L.page_closest_rows;
        if (rest.length) nodes.push(hitList(title, rest, answer !== null ? "more-hits" : "closest"));
      } else {
        nodes.push(hitList(answer !== null ? L.page_hits : L.page_closest_rows, rest.slice(0, MORE + 1), "public-hits"));
      }
      var shownActors = cardRow !== null && data.mode === "desk" ? rowsOf()[cardRow].actors : [];
      nodes.push(actorHits(result.actors, shownActors));
    }
    results.replaceChildren.apply(results, nodes.filter(Boolean));
    results.setAttribute("data-answer", answer !== null ? rowsOf()[answer].id : "");
    results.setAttribute("data-query", state.query);
    if (status.textContent !== message) status.textContent = message;
    timings.push(performance.now() - started);
  }

  function search() {
    state.query = input.value.trim();
    state.selected = null;
    if (location.hash.indexOf("#rad-") === 0 && data.mode === "desk") {
      history.replaceState(null, "", location.pathname + location.search);
    }
    render();
  }

  function showRowFromHash() {
    if (data.mode !== "desk") return;
    var match = /^#rad-(.+)$/.exec(location.hash);
    var number = match ? byId.get(decodeURIComponent(match[1])) : undefined;
    if (number === undefined) return;
    state.selected = number;
    render();
    var title = document.getElementById("card-title");
    if (title) title.focus();
  }

  // The visitor's slip: the referral-slips slip of this row, in a frame of its own, so it
  // prints on its own A4 sheet with the handout's fonts and cut marks. `language` is the
  // slip's key in data.slip_documents: the page's own language (data.slip_language), or
  // a translated one as `render --lang` names it (`ar+sv`); the sheets are in
  // #slip-sheets-<key>. Letters the page's Latin slip fonts lack come from the PC's fonts.
  // The table of lines is deflated (it repeats itself in every language) and inflated,
  // once, when the first slip is printed; so a slip document comes as a promise.
  var slipLines = null;
  function linesOf() {
    if (slipLines === null) {
      var packed = atob(document.getElementById("slip-lines").textContent.trim());
      var bytes = new Uint8Array(packed.length);
      for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      slipLines = new Response(stream).text().then(function (text) { return text.split("\n"); });
    }
    return slipLines;
  }

  function slipDocument(number, language) {
    var documents = data.slip_documents || {};
    if (!Object.prototype.hasOwnProperty.call(documents, language)) return Promise.resolve(null);
    var page = documents[language];
    var sheets = document.getElementById("slip-sheets-" + language);
    if (sheets === null || !/^[a-z0-9-]+$/.test(page.lang) || !/^(ltr|rtl)$/.test(page.dir)) {
      return Promise.resolve(null);
    }
    return linesOf().then(function (lines) {
      var sheet = sheets.textContent.split("\n")[number].split(" ").map(function (n) {
        return lines[parseInt(n, 36)];
      }).join("\n");
      return "<!DOCTYPE html><html lang=\"" + page.lang + "\" dir=\"" + page.dir + "\"><head>" +
        document.getElementById("slip-head").textContent +
        "</head><body class=\"handout-referral-slips\">" + sheet + "</body></html>";
    });
  }

  function printSlip(number, language) {
    return slipDocument(number, language).then(function (html) {
      if (html !== null) printDocument(html);
    });
  }

  function printDocument(html) {
    var old = document.getElementById("slip-frame");
    if (old) old.remove();
    var frame = el("iframe", { id: "slip-frame", "class": "slip-frame", title: L.page_print_slip,
                               "aria-hidden": "true", tabindex: "-1" });
    frame.addEventListener("load", function () {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    });
    frame.srcdoc = html; // rendered and escaped by the slip template
    document.body.appendChild(frame);
  }

  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var target = document.getElementById("card-title") || results.querySelector("a, button");
    if (target) target.focus();
  });
  input.addEventListener("input", search);
  if (visitorSelect) {
    visitorSelect.addEventListener("change", function () { state.visitor = visitorSelect.value; render(); });
    state.visitor = visitorSelect.value; // kept by the browser on reload
  }
  window.addEventListener("hashchange", showRowFromHash);
  document.documentElement.classList.add("js");

  if (input.value) search(); // a query kept by the browser on reload
  showRowFromHash();
  var ready = performance.now();
  window.referralPage = {
    desk: desk,
    data: data,
    ready: ready,
    timings: timings,
    search: function (text) { input.value = text; search(); return results; },
    printSlip: printSlip,
    slipDocument: slipDocument
  };
  // The tables a first typo would build: made now, while nobody is typing yet.
  setTimeout(function () { desk.warm(); rowsOf(); }, 0);
})();

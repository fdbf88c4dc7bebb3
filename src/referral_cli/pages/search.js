/* The desk search in the browser: a port of `SearchIndex.query` and `suggest`
 * (referral_cli/search.py) and of lookup's answer rules (referral_cli/answers.py).
 *
 * Only the query side is ported. The index is built once, in Python, by the very code
 * `referral lookup` uses (`row_index.RowIndex`, `answers.actor_index`), and embedded in
 * the page as data (`referral_cli.pages.index_data`); the engine's constants (stop words,
 * endings, match values) and lookup's thresholds come with it. So what a word means,
 * what a row contains and how much a match is worth are defined once, in Python; this
 * file repeats only the steps of a query, function by function, in the same order (the
 * order of additions matters for the last digit of a score):
 *
 *   fold, casefold .............. search.fold, str.casefold
 *   stem ........................ search.stem
 *   osaDistance ................. search.osa_distance
 *   trigrams .................... search._trigrams
 *   Index.matchWord ............. SearchIndex._match_word
 *   Index.inflections ........... SearchIndex._inflections
 *   Index.compoundsWith ......... SearchIndex._compounds_with
 *   Index.knownPart ............. SearchIndex._known_part
 *   Index.split, Index.direct ... SearchIndex._split, SearchIndex._direct
 *   Index.unitValues ............ SearchIndex._unit_values
 *   Index.synonymTargets, phraseValues, synonymUnit   the synonym readings
 *   Index.units ................. SearchIndex._units
 *   Index.idf ................... SearchIndex._idf
 *   Index.query ................. SearchIndex.query
 *   Index.suggest ............... SearchIndex.suggest
 *   keepRelevant ................ answers.keep_relevant
 *   lookup ...................... commands/lookup.search and LookupResult.answer
 *
 * tests/test_pages_browser.py runs every query of tests/eval/desk_queries.yaml (and a
 * few hundred generated ones) through `referral lookup --format json` and through this
 * file in Chromium, and requires the same rows, scores, unmatched words, suggestions
 * and answer. Known limit: Python counts code points where JavaScript counts UTF-16
 * units, so a word with a letter outside the Basic Multilingual Plane (no script used
 * in the guidelines has one) may be measured differently.
 */
"use strict";

var ReferralSearch = (function () {
  var WORD = /[\p{L}\p{N}]+/gu; // search._WORD: [^\W_]+
  var ASCII = /^[\x00-\x7f]*$/;
  var LETTERS = /^\p{L}+$/u; // str.isalpha
  var MARKS = /\p{M}/gu; // unicodedata.combining(ch) != 0, but for `keep_marks`
  var CASEFOLD = {}; // where str.casefold differs from the lower case (set by `engine`)

  function composed(text) { // search._composed: letters written as a letter and a mark, composed (NFC)
    return ASCII.test(text) ? text : text.normalize("NFC");
  }

  function casefold(text) { // str.casefold
    if (ASCII.test(text)) return text.toLowerCase();
    var out = "";
    for (var ch of text) {
      var special = CASEFOLD[ch];
      out += special !== undefined ? special : ch.toLowerCase();
    }
    return out;
  }

  function pyRound(value, digits) { // Python's round(x, n): correctly rounded, ties to even
    var scale = Math.pow(10, digits);
    var scaled = value * scale;
    var whole = Math.floor(scaled);
    var rest = scaled - whole;
    if (Math.abs(rest - 0.5) > 1e-7) return (rest > 0.5 ? whole + 1 : whole) / scale;
    // Near a tie: decide on the exact decimal value of the double, as Python does.
    var exact = value.toFixed(100);
    var point = exact.indexOf(".");
    var kept = exact.slice(0, point + 1 + digits);
    var tail = exact.slice(point + 1 + digits);
    var up;
    if (tail[0] > "5") up = true;
    else if (tail[0] < "5") up = false;
    else if (/[1-9]/.test(tail.slice(1))) up = true;
    else up = Number(kept.slice(-1)) % 2 === 1; // an exact tie: to even
    var base = Number(kept.replace(".", ""));
    return (up ? base + 1 : base) / scale;
  }

  function engine(settings) {
    var STOPWORDS = new Set(settings.stopwords);
    var ENDINGS = settings.endings;
    var S_AFTER = settings.s_ending_after;
    var CONSONANTS = settings.consonants;
    var MIN_STEM = settings.min_stem;
    var SPECIAL = settings.special_folds;
    var KEEP = new Set(Array.from(settings.keep_marks));
    CASEFOLD = settings.casefold;
    var dropMark = function (mark) { return KEEP.has(mark) ? mark : ""; };
    var foldCache = new Map();
    var stemCache = new Map();

    function fold(text) { // search.fold
      var cached = foldCache.get(text);
      if (cached !== undefined) return cached;
      var lowered = casefold(text);
      var translated = "";
      for (var ch of lowered) translated += SPECIAL[ch] !== undefined ? SPECIAL[ch] : ch;
      var folded = ASCII.test(translated)
        ? translated
        : translated.normalize("NFKD").replace(MARKS, dropMark);
      if (foldCache.size < 200000) foldCache.set(text, folded);
      return folded;
    }

    function stem(word) { // search.stem
      var cached = stemCache.get(word);
      if (cached !== undefined) return cached;
      var result = word;
      if (word.length >= 4 && LETTERS.test(word)) {
        if (result.length >= 5 && result[result.length - 1] === "s" &&
            S_AFTER.indexOf(result[result.length - 2]) >= 0) {
          result = result.slice(0, -1);
        }
        var cut = false;
        for (var i = 0; i < ENDINGS.length; i++) {
          var ending = ENDINGS[i];
          if (result.endsWith(ending) && result.length - ending.length >= MIN_STEM) {
            result = result.slice(0, -ending.length);
            cut = true;
            break;
          }
        }
        if (!cut && result.endsWith("ot") && result.length > MIN_STEM + 1) {
          result = result.slice(0, -1); // kontot -> konto
        }
        var last = result[result.length - 1];
        if (result.length >= 4 && last === result[result.length - 2] && CONSONANTS.indexOf(last) >= 0) {
          result = result.slice(0, -1);
        }
      }
      if (stemCache.size < 100000) stemCache.set(word, result);
      return result;
    }

    function joinedKey(text) { // search.joined_key
      return (composed(text).match(WORD) || []).map(fold).join("");
    }

    return { settings: settings, stopwords: STOPWORDS, fold: fold, stem: stem,
             joinedKey: joinedKey, casefold: casefold };
  }

  function osaDistance(a, b, limit) { // search.osa_distance
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    if (a === b) return 0;
    var previous2 = [];
    var previous = [];
    for (var k = 0; k <= b.length; k++) previous.push(k);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var rowMin = i;
      for (var j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length] <= limit ? previous[b.length] : limit + 1;
  }

  function trigrams(term) { // search._trigrams (a set)
    var padded = "^" + term + "$";
    var grams = new Set();
    for (var i = 0; i < padded.length - 2; i++) grams.add(padded.slice(i, i + 3));
    return grams;
  }

  function docSet(text) { // referral_cli.pages._docs_text: steps in base 36
    var docs = new Set();
    var doc = 0;
    if (text) text.split(" ").forEach(function (step) { doc += parseInt(step, 36); docs.add(doc); });
    return docs;
  }

  function bisectLeft(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function reverse(text) {
    return Array.from(text).reverse().join("");
  }

  // A match of one reading in one document: [shown, raw, term] (see search._Match).
  var NO_MATCH = [0.0, 0.0, ""];

  function keepBest(values, doc, match) { // search._keep_best
    var before = values.get(doc) || NO_MATCH;
    if (match[0] > before[0] || (match[0] === before[0] && match[1] > before[1])) {
      values.set(doc, match);
    }
  }

  function offer(values, doc, similarity, factor, term) { // search._offer
    keepBest(values, doc, [similarity * Math.min(factor, 1.0), similarity * factor, term]);
  }

  function bestPerPosition(units, weight) { // search._best_per_position
    var best = new Map();
    units.forEach(function (unit) {
      if (unit.values.size === 0) return;
      var factor = weight(unit);
      unit.positions.forEach(function (position) {
        var slot = best.get(position);
        if (slot === undefined) { slot = new Map(); best.set(position, slot); }
        unit.values.forEach(function (match, doc) {
          keepBest(slot, doc, [factor * match[0], factor * match[1], match[2]]);
        });
      });
    });
    return best;
  }

  function Index(state, tools) {
    // The index as `referral_cli.pages.index_data` writes it (from SearchIndex.to_state).
    var s = tools.settings;
    this.tools = tools;
    this.S = s;
    this.keys = state.keys;
    this.sorted = state.terms;
    this.factors = state.factors;
    this.postingsRaw = new Map();
    this.surfaceMap = new Map();
    for (var i = 0; i < state.terms.length; i++) {
      this.postingsRaw.set(state.terms[i], state.postings[i]);
      if (state.surface[i] !== 0) this.surfaceMap.set(state.terms[i], state.surface[i]);
    }
    this.postingsCache = new Map();
    this.markedRaw = state.marked;
    this.unmarkedRaw = state.unmarked;
    this.marked = null; // built on first use (markedTables), like the tables below
    this.unmarked = null;
    this.joined = new Set(state.joined);
    this.stems = null;
    this.synonyms = state.synonyms; // [[folded key, [targets]]], in the library's order
    this.synonymMap = new Map(state.synonyms);
    this.reversedTerms = null;
    this.trigramIndex = null;
    this.unitCache = new Map();
  }

  Index.prototype.has = function (term) { return this.postingsRaw.has(term); };

  Index.prototype.postings = function (term) { // doc -> field factor, in document order
    var found = this.postingsCache.get(term);
    if (found === undefined) {
      // referral_cli.pages._posting_text: a step in base 36, then the factor's letter(s).
      var text = this.postingsRaw.get(term);
      found = new Map();
      var doc = 0, i = 0;
      while (i < text.length) {
        var start = i;
        while (i < text.length && text[i] >= "0" && text[i] <= "z" && !(text[i] >= "A" && text[i] <= "Z") && text[i] !== "_") i++;
        doc += parseInt(text.slice(start, i), 36);
        var factor;
        if (text[i] === "_") {
          factor = (text.charCodeAt(i + 1) - 65) * 26 + text.charCodeAt(i + 2) - 65;
          i += 3;
        } else {
          factor = text.charCodeAt(i) - 65;
          i += 1;
        }
        found.set(doc, this.factors[factor]);
      }
      this.postingsCache.set(term, found);
    }
    return found;
  };

  Index.prototype.surface = function (term) {
    var found = this.surfaceMap.get(term);
    return found === undefined ? term : found;
  };

  Index.prototype.warm = function () { // build every table a first query would otherwise build
    this.stemTable();
    this.markedTables();
    this.trigramTable();
    this.reversed();
  };

  Index.prototype.stemTable = function () {
    // SearchIndex.__init__'s table of word forms: stem -> the terms that have it, kept
    // where it joins forms or differs from its one term (the same loop, on the same terms).
    if (this.stems === null) {
      var groups = new Map();
      for (var t = 0; t < this.sorted.length; t++) {
        var root = this.tools.stem(this.sorted[t]);
        if (!groups.has(root)) groups.set(root, []);
        groups.get(root).push(this.sorted[t]);
      }
      var stems = new Map();
      groups.forEach(function (terms, root) {
        if (terms.length > 1 || terms[0] !== root) stems.set(root, terms);
      });
      this.stems = stems;
    }
    return this.stems;
  };

  Index.prototype.markedTables = function () { // SearchIndex._marked and _unmarked
    if (this.marked === null) {
      this.marked = new Map(this.markedRaw.map(function (p) { return [p[0], docSet(p[1])]; }));
      this.unmarked = new Map(this.unmarkedRaw.map(function (p) { return [p[0], docSet(p[1])]; }));
    }
  };

  Index.prototype.trigramTable = function () {
    if (this.trigramIndex === null) {
      var table = new Map();
      this.sorted.forEach(function (term) {
        trigrams(term).forEach(function (gram) {
          var list = table.get(gram);
          if (list === undefined) { list = []; table.set(gram, list); }
          list.push(term);
        });
      });
      this.trigramIndex = table;
    }
    return this.trigramIndex;
  };

  Index.prototype.reversed = function () {
    if (this.reversedTerms === null) {
      this.reversedTerms = this.sorted.map(reverse).sort();
    }
    return this.reversedTerms;
  };

  Index.prototype.sharedTrigrams = function (grams) { // SearchIndex._shared_trigrams
    var table = this.trigramTable();
    var counts = new Map();
    grams.forEach(function (gram) {
      (table.get(gram) || []).forEach(function (term) {
        counts.set(term, (counts.get(term) || 0) + 1);
      });
    });
    return counts;
  };

  Index.prototype.trigramCandidates = function (term) { // SearchIndex._trigram_candidates
    var grams = trigrams(term);
    var limit = term.length < 9 ? 1 : 2;
    var needed = Math.max(1, grams.size - 4 * limit);
    var found = [];
    this.sharedTrigrams(grams).forEach(function (n, candidate) {
      if (n >= needed) found.push(candidate);
    });
    return found;
  };

  Index.prototype.knownPart = function (part) { // SearchIndex._known_part
    return part.length >= this.S.min_part && !this.tools.stopwords.has(part) &&
      (this.has(part) || this.inflections(part).length > 0);
  };

  Index.prototype.inflections = function (q) { // SearchIndex._inflections
    var root = this.tools.stem(q);
    var stems = this.stemTable();
    var found = new Set((stems.get(root) || []).concat(stems.get(q) || []));
    if (this.has(root)) found.add(root);
    found.delete(q);
    return Array.from(found).sort();
  };

  Index.prototype.compoundsWith = function (q) { // SearchIndex._compounds_with
    var S = this.S;
    var out = [];
    if (q.length < S.min_part || this.tools.stopwords.has(q)) return out;
    var self = this;
    var known = function (part) { return self.knownPart(part); };
    for (var i = bisectLeft(this.sorted, q); i < this.sorted.length; i++) {
      var term = this.sorted[i];
      if (!term.startsWith(q)) break;
      var rest = term.slice(q.length);
      if (rest.length < S.min_part || this.joined.has(term)) continue;
      var rests = rest.startsWith("s") ? [rest, rest.slice(1)] : [rest];
      if (rests.some(known)) out.push([term, S.compound_part]);
      else if (q.length >= S.long_word) out.push([term, S.long_fragment]);
    }
    var backwards = reverse(q);
    var reversedTerms = this.reversed();
    for (var j = bisectLeft(reversedTerms, backwards); j < reversedTerms.length; j++) {
      var reversedTerm = reversedTerms[j];
      if (!reversedTerm.startsWith(backwards)) break;
      var whole = reverse(reversedTerm);
      var head = whole.slice(0, whole.length - q.length);
      if (head.length < S.min_part || this.joined.has(whole)) continue;
      var heads = head.endsWith("s") ? [head, head.slice(0, -1)] : [head];
      if (heads.some(known)) out.push([whole, S.compound_part]);
      else if (q.length >= S.long_word) out.push([whole, S.long_fragment]);
    }
    return out;
  };

  Index.prototype.matchWord = function (word, partial, typos) { // SearchIndex._match_word
    var S = this.S;
    var q = word.folded;
    var found = new Map();
    var keep = function (term, similarity) {
      if (similarity > (found.get(term) || 0.0)) found.set(term, similarity);
    };
    var exact = this.has(q);
    if (exact) keep(q, S.exact);
    var inflected = this.inflections(q);
    inflected.forEach(function (term) { keep(term, S.inflection); });
    if (partial) this.compoundsWith(q).forEach(function (pair) { keep(pair[0], pair[1]); });
    if (exact || inflected.length > 0 || q.length < 4 || !typos) return found;
    var limit = q.length < 9 ? 1 : 2;
    this.trigramCandidates(q).forEach(function (term) {
      if (q.length <= 5 && term[0] !== q[0]) return;
      var distance = osaDistance(q, term, limit);
      if (distance > 0 && distance <= limit) keep(term, distance === 1 ? S.typo_1 : S.typo_2);
    });
    return found;
  };

  Index.prototype.split = function (q) { // SearchIndex._split
    var S = this.S;
    if (this.has(q) || q.length < 2 * S.min_part || this.inflections(q).length > 0) return null;
    for (var cut = q.length - S.min_part; cut > S.min_part - 1; cut--) {
      var head = q.slice(0, cut), tail = q.slice(cut);
      if (!this.knownPart(tail)) continue;
      if (head.endsWith("s") && this.has(head.slice(0, -1))) return [head.slice(0, -1), tail];
      if (this.knownPart(head)) return [head, tail];
      if (head.endsWith("s") && this.knownPart(head.slice(0, -1))) return [head.slice(0, -1), tail];
    }
    return null;
  };

  Index.prototype.direct = function (part) { // SearchIndex._direct
    var S = this.S;
    var values = new Map();
    var terms = this.has(part) ? [[part, S.exact]] : [];
    this.inflections(part).forEach(function (term) { terms.push([term, S.inflection]); });
    var self = this;
    terms.forEach(function (pair) {
      self.postings(pair[0]).forEach(function (factor, doc) {
        offer(values, doc, pair[1], factor, pair[0]);
      });
    });
    return values;
  };

  Index.prototype.unitValues = function (word, partial, typos) { // SearchIndex._unit_values
    if (partial === undefined) partial = true;
    if (typos === undefined) typos = true;
    var key = word.folded + "\u0000" + word.original + "\u0000" + partial + typos;
    var cached = this.unitCache.get(key);
    if (cached !== undefined) return cached;
    if (this.unitCache.size > 20000) this.unitCache.clear();
    var S = this.S;
    var perDoc = new Map();
    this.unitCache.set(key, perDoc);
    var typedMarks = word.original !== word.folded;
    var self = this;
    this.markedTables();
    this.matchWord(word, partial, typos).forEach(function (similarity, term) {
      var exact = term === word.folded;
      var marked = exact && typedMarks ? (self.marked.get(word.original) || new Set()) : null;
      var unmarked = exact && !typedMarks && term.length <= S.short_word
        ? (self.unmarked.get(term) || null) : null;
      self.postings(term).forEach(function (factor, doc) {
        if (marked !== null && !marked.has(doc)) {
          offer(perDoc, doc, S.differently_marked, factor, term);
        } else if (unmarked !== null && !unmarked.has(doc)) {
          offer(perDoc, doc, S.short_without_marks, factor, term);
        } else {
          offer(perDoc, doc, similarity, factor, term);
        }
      });
    });
    var split = partial ? this.split(word.folded) : null;
    if (split !== null) {
      var head = this.direct(split[0]);
      var tail = this.direct(split[1]);
      var docs = new Set(head.keys());
      tail.forEach(function (_, doc) { docs.add(doc); });
      Array.from(docs).sort(function (a, b) { return a - b; }).forEach(function (doc) {
        if (head.has(doc) && tail.has(doc)) {
          var both = (head.get(doc)[0] + tail.get(doc)[0]) / 2;
          offer(perDoc, doc, S.split_both * both, 1.0, head.get(doc)[2]);
        } else {
          // Named by the index word of the part this document has (only one part is there).
          var one = head.get(doc) || tail.get(doc);
          offer(perDoc, doc, S.split_one * one[0], 1.0, one[2]);
        }
      });
    }
    return perDoc;
  };

  Index.prototype.synonymTargets = function (key) { // SearchIndex._synonym_targets
    var found = this.synonymMap.get(key);
    if (found === undefined && key.length >= 4) {
      var root = this.tools.stem(key);
      for (var i = 0; i < this.synonyms.length; i++) {
        if (this.tools.stem(this.synonyms[i][0]) === root) return this.synonyms[i][1];
      }
    }
    return found || [];
  };

  Index.prototype.phraseValues = function (phrase) { // SearchIndex._phrase_values
    var read = this.units(phrase, false);
    var positions = read[0];
    var best = bestPerPosition(read[1], function () { return 1.0; });
    var totals = new Map();
    positions.forEach(function (position) {
      (best.get(position) || new Map()).forEach(function (match, doc) {
        var before = totals.get(doc) || [0.0, 0.0, match[2]];
        totals.set(doc, [before[0] + match[0] / positions.length,
                         before[1] + match[1] / positions.length, before[2]]);
      });
    });
    return totals;
  };

  Index.prototype.synonymUnit = function (positions, key) { // SearchIndex._synonym_unit
    var values = new Map();
    var synonym = this.S.synonym;
    var self = this;
    this.synonymTargets(key).forEach(function (target) {
      self.phraseValues(target).forEach(function (match, doc) {
        keepBest(values, doc, [synonym * match[0], synonym * match[1], match[2]]);
      });
    });
    return values.size > 0 ? { positions: positions, values: values } : null;
  };

  Index.prototype.units = function (query, synonyms) { // SearchIndex._units
    if (synonyms === undefined) synonyms = true;
    var tools = this.tools;
    var tokens = (composed(query).match(WORD) || []).map(function (w) {
      return { folded: tools.fold(w), original: tools.casefold(w), typed: w };
    });
    var positions = [];
    tokens.forEach(function (t, i) {
      if (t.folded.length >= 2 && !tools.stopwords.has(t.folded)) positions.push(i);
    });
    var wanted = new Set(positions);
    var joinedUnits = [];
    var bound = new Set();
    for (var i = 0; i < tokens.length - 1; i++) {
      var covered = [i, i + 1].filter(function (p) { return wanted.has(p); });
      if (covered.length === 0) continue;
      var joined = { folded: tokens[i].folded + tokens[i + 1].folded,
                     original: tokens[i].original + tokens[i + 1].original, typed: "" };
      var values = new Map();
      this.unitValues(joined, false, covered.length === 2).forEach(function (match, doc) {
        if (match[0] >= this.S.joined_min) values.set(doc, match);
      }, this);
      if (values.size > 0) {
        joinedUnits.push({ positions: covered, values: values });
        if (this.has(joined.folded) || this.inflections(joined.folded).length > 0) {
          covered.forEach(function (p) { bound.add(p); });
        }
      }
      if (synonyms && this.synonymTargets(joined.folded).length > 0) {
        var unit = this.synonymUnit(covered, joined.folded);
        if (unit !== null) joinedUnits.push(unit);
      }
    }
    var units = [];
    positions.forEach(function (p) {
      if (!bound.has(p)) units.push({ positions: [p], values: this.unitValues(tokens[p]) });
    }, this);
    if (synonyms) {
      positions.forEach(function (p) {
        var unit = this.synonymUnit([p], tokens[p].folded);
        if (unit !== null) units.push(unit);
      }, this);
    }
    return [positions, joinedUnits.concat(units)];
  };

  Index.prototype.idf = function (values) { // SearchIndex._idf
    var frequency = 0;
    values.forEach(function (match) { frequency += match[0]; });
    var total = this.keys.length;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  };

  Index.prototype.query = function (query, unknownWeight) { // SearchIndex.query
    if (unknownWeight === undefined) unknownWeight = 1.0;
    var tokens = composed(query).match(WORD) || [];
    var read = this.units(query, true);
    var positions = read[0];
    var units = read[1].map(function (unit, n) { return [unit, n]; });
    // Joined readings first (a stable sort on the number of positions).
    units.sort(function (a, b) { return (b[0].positions.length - a[0].positions.length) || (a[1] - b[1]); });
    units = units.map(function (pair) { return pair[0]; });
    var weights = new Map();
    units.forEach(function (unit) { if (unit.values.size > 0) weights.set(unit, this.idf(unit.values)); }, this);
    // Per position, the weight of the reading that can count the most there.
    var ideal = new Map();
    var reach = new Map();
    units.forEach(function (unit) {
      if (unit.values.size === 0) return;
      var weight = weights.get(unit);
      var top = 0.0;
      unit.values.forEach(function (match) { if (match[0] > top) top = match[0]; });
      var most = weight * top;
      unit.positions.forEach(function (position) {
        if (most > (reach.has(position) ? reach.get(position) : 0.0)) {
          reach.set(position, most);
          ideal.set(position, weight);
        }
      });
    });
    var best = bestPerPosition(units, function (unit) { return weights.get(unit); });
    var typed = positions.map(function (p) { return tokens[p]; });
    var unmatched = positions.filter(function (p) { return !ideal.has(p); }).map(function (p) { return tokens[p]; });
    var idealSum = 0;
    ideal.forEach(function (value) { idealSum += value; });
    var denominator = idealSum + unknownWeight * unmatched.length * this.idf(new Map());
    if (ideal.size === 0 || denominator <= 0) return { hits: [], unmatched: unmatched, words: typed };
    var shown = new Map(), raw = new Map(), matched = new Map(), found = new Map();
    var self = this;
    best.forEach(function (slot, position) {
      slot.forEach(function (match, doc) {
        shown.set(doc, (shown.get(doc) || 0.0) + match[0]);
        raw.set(doc, (raw.get(doc) || 0.0) + match[1]);
        if (!found.has(doc)) found.set(doc, new Set());
        found.get(doc).add(position);
        if (!matched.has(doc)) matched.set(doc, []);
        var surface = self.surface(match[2]);
        if (matched.get(doc).indexOf(surface) < 0) matched.get(doc).push(surface);
      });
    });
    var scores = new Map();
    shown.forEach(function (value, doc) { scores.set(doc, pyRound(Math.min(1.0, value / denominator), 4)); });
    var ranked = Array.from(scores.keys());
    var key = new Map();
    ranked.forEach(function (doc) { key.set(doc, pyRound(scores.get(doc), 2)); });
    ranked.sort(function (a, b) {
      return (key.get(b) - key.get(a)) || (raw.get(b) - raw.get(a)) || (a - b);
    });
    var hits = [];
    ranked.forEach(function (doc) {
      if (scores.get(doc) > 0) {
        hits.push({
          doc: doc, key: self.keys[doc], score: scores.get(doc), matched: matched.get(doc),
          unmatched: positions.filter(function (p) { return !found.get(doc).has(p); })
            .map(function (p) { return tokens[p]; })
        });
      }
    });
    return { hits: hits, unmatched: unmatched, words: typed };
  };

  Index.prototype.suggest = function (query, limit) { // SearchIndex.suggest
    if (limit === undefined) limit = 5;
    var tools = this.tools;
    var scored = new Map();
    var offerTerm = function (term, similarity) {
      if (similarity > (scored.get(term) || 0.0)) scored.set(term, similarity);
    };
    var words = composed(query).match(WORD) || [];
    for (var w = 0; w < words.length; w++) {
      var q = tools.fold(words[w]);
      if (q.length < 3 || tools.stopwords.has(q)) continue;
      var grams = trigrams(q);
      this.sharedTrigrams(grams).forEach(function (shared, term) {
        if (term.length >= 3) {
          var union = new Set(grams);
          trigrams(term).forEach(function (g) { union.add(g); });
          var similarity = shared / union.size;
          if (similarity >= 0.2) offerTerm(term, similarity);
        }
      });
      for (var start = 0; start < q.length; start++) {
        for (var end = start + 3; end <= q.length; end++) {
          var part = q.slice(start, end);
          if (part !== q && this.has(part) && !tools.stopwords.has(part)) {
            offerTerm(part, 0.1 + 0.4 * part.length / q.length);
          }
        }
      }
    }
    var ranked = Array.from(scored.keys()).sort(function (a, b) {
      return (scored.get(b) - scored.get(a)) || (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
    });
    var result = [];
    var seen = new Set();
    for (var r = 0; r < ranked.length; r++) {
      var surface = this.surface(ranked[r]);
      if (!seen.has(casefold(surface))) {
        result.push(surface);
        seen.add(casefold(surface));
      }
      if (result.length === limit) break;
    }
    return result;
  };

  function keepRelevant(hits, minScore, rules) { // answers.keep_relevant
    if (hits.length === 0) return [];
    var floor = Math.max(minScore, hits[0].score * rules.relative_score);
    return hits.filter(function (hit) { return hit.score >= floor; });
  }

  function Desk(data) {
    // What `referral lookup` does with a query (commands/lookup.search), on the page's data.
    this.tools = engine(data.engine);
    this.rules = data.rules;
    this.rows = new Index(data.index, this.tools);
    this.actors = data.actor_index ? new Index(data.actor_index, this.tools) : null;
  }

  Desk.prototype.lookup = function (text) {
    var query = text.trim();
    var rules = this.rules;
    if (!query) return null;
    var found = this.rows.query(query);
    var hits = keepRelevant(found.hits, rules.min_score, rules);
    var actors = [];
    if (this.actors !== null) {
      actors = keepRelevant(this.actors.query(query).hits, rules.actor_min_score, rules)
        .slice(0, rules.actor_hits);
    }
    var suggestions = hits.length === 0 ? this.rows.suggest(query) : [];
    // answers.sure_answer: strong enough, and clearly ahead of the second best
    var tie = hits.length > 1 && Math.round(hits[0].score * 10000) -
      Math.round(hits[1].score * 10000) < Math.round(rules.tie_margin * 10000);
    var answer = hits.length > 0 && hits[0].score >= rules.answer_score && !tie ? hits[0] : null;
    // commands/lookup.search: nothing found and no word that counts (only stop words)
    var commonWordsOnly = hits.length === 0 && found.words.length === 0;
    return { query: query, hits: hits, answer: answer, unmatched: found.unmatched,
             actors: actors, suggestions: suggestions, commonWordsOnly: commonWordsOnly };
  };

  Desk.prototype.warm = function () {
    this.rows.warm();
    if (this.actors !== null) this.actors.warm();
  };

  return { Desk: Desk, engine: engine, pyRound: pyRound, osaDistance: osaDistance,
           casefold: casefold };
})();

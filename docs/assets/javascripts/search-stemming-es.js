/* Spanish search finds a word in its other forms ("recomendaciones" finds
 * "recomendación"), with or without its accents ("medico" finds "médico").
 *
 * Material's search worker adds "*" to every word typed, so that a word
 * still being typed finds the words it begins, and lunr never stems a word
 * that holds a "*": stemming the index alone would only lose words (the whole
 * word "recomendaciones*" would not match the stem "recomend", nor would the
 * beginning "enrojecimien*" match "enrojec").  So the index keeps whole
 * words, and each word typed is cut to the length of its Snowball stem
 * before Material's "*" (lunr's Spanish stemmer: "recomendaciones" →
 * "recomend*"): every word that shares that beginning matches, a word being
 * typed still finds every word it begins, and so does a whole word.  The
 * price: a short stem also finds other words ("cara" → "car*": "carbono").  Both
 * sides drop the acute accents, as the stemmer does (á é í ó ú; ñ and ü are
 * letters of their own), since many readers type without them.  Material
 * reads the query with lunr.QueryParser twice, to search and to mark the
 * words a result lacks, so both see the same word.
 *
 * Shipped at the end of Material's lunr.es.min.js (BUNDLES in
 * pipeline/after_build/minify_scripts.py), which the worker loads for the
 * Spanish index only: English search is left as Material makes it. */
(function (lunr) {
  "use strict";

  if (!lunr || !lunr.es || !lunr.QueryParser) return;

  var ACCENTED = /[áéíóú]/g;
  var PLAIN = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };
  var TYPED = /^([^*]+)\*$/; /* a word with Material's "*" after it (the reader typed no other) */

  function plain(word) {
    return word.replace(ACCENTED, function (letter) { return PLAIN[letter]; });
  }

  /* The index's words without accents: a step after lunr's Spanish ones,
   * when Material sets up the Spanish index (this.use(lunr.es)). */
  function plainToken(token) {
    return token.update(plain);
  }
  lunr.Pipeline.registerFunction(plainToken, "plain-es");
  var spanish = lunr.es;
  lunr.es = Object.assign(function () {
    spanish.apply(this, arguments);
    this.pipeline.add(plainToken);
    this.searchPipeline.add(plainToken);
  }, spanish);

  /* A word typed, without accents, cut to its stem's length: Snowball only
   * removes endings (and accents), or turns one into a shorter one
   * ("experiencias" → "experient", cut: "experienc").  The stemmer reads the
   * accents ("-ación"), so it gets the word as typed. */
  function beginning(word) {
    var whole = lunr.es.trimmer(word.toLowerCase());
    return plain(whole).slice(0, lunr.es.stemmer(whole).length || whole.length);
  }

  /* A term as searched: a word typed with Material's "*" by its beginning,
   * any other (required words, or punctuation alone) without accents. */
  function searched(term) {
    var typed = TYPED.exec(term);
    var start = typed && beginning(typed[1]);
    return start ? start + "*" : plain(term.toLowerCase());
  }

  /* lunr calls parseTerm when the next lexeme is a term: change it before
   * lunr reads it (lunr looks the function up each time, so this wraps it). */
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var lexeme = parser.peekLexeme();
    if (lexeme) lexeme.str = searched(lexeme.str);
    return parseTerm(parser);
  };
})(self.lunr);

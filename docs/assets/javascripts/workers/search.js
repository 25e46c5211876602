// The site's search worker, in place of the theme's: it answers the theme's search box from the
// index in parts (overrides/hooks/fieldguide/search.py says how they are written), downloading
// only the parts of the terms a query's words start with, and the text of the best-ranked pages.
// It speaks the theme's worker messages: 0 set up (the small index), 1 ready, 2 query, 3 result.
// Each query is answered twice: at once with the results' titles, then, once the reader has
// stopped typing, with the text of the best-ranked pages.
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SETTLE_MS = 400;  // text waits until the reader stops typing: keystrokes read no page text
const K1 = 1.2;  // how fast more occurrences of a word stop counting (the theme's search: 1.2)
const saturate = count => count * (K1 + 1) / (count + K1);

let index = null, separator = null, stopWords = null, base = null;
let pageEntry = [];  // by page number, the page's own entry in index.docs (its first)
let latest = 0;
const cache = new Map();

// Each part is downloaded once per visit; one that failed is asked for again by the next query.
function fetchPart(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(new URL(path, base)).then(response => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    }).catch(error => {
      cache.delete(path);
      throw error;
    }));
  }
  return cache.get(path);
}

function hex(key) {
  return [...new TextEncoder().encode(key)].map(b => b.toString(16).padStart(2, "0")).join("");
}

// A query's words, as search.py's `words` splits text: lower case, split on the separator, non-word
// characters trimmed from both ends, stop words left out, the theme's query syntax (+, -, *, ~, ^,
// and a field's name, as in title:retries) ignored.
function queryWords(query) {
  const found = [], fields = new RegExp(`\\b(?:${Object.keys(index.config.fields).join("|")}):`, "g");
  for (let token of query.toLowerCase().replace(/[+*~^]/g, " ").replace(fields, " ").split(separator)) {
    token = token.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, "");
    if (token && !stopWords.has(token) && !found.includes(token)) found.push(token);
  }
  return found;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Mark each word that starts with a query word, whole, in the text between tags only.
function highlight(markup, words) {
  if (!words.length) return markup;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_&#])((?:${words.map(escapeRegExp).join("|")})[\\p{L}\\p{N}_]*)`, "giu");
  return markup.split(/(<[^>]*>)/).map(piece =>
    piece.startsWith("<") ? piece : piece.replace(pattern, "<mark data-md-highlight>$1</mark>")
  ).join("");
}

// Answer a query: post its results, titles first, unless a newer query came in meanwhile.
async function search(query, ticket) {
  const words = queryWords(query);
  if (!words.length) return postMessage({ type: RESULT, data: { items: [] } });
  const parts = index.config.parts, keys = new Set(parts.keys);
  const wanted = [...new Set(words.map(word => [...word][0]))].filter(key => keys.has(key));
  const terms = new Map();
  for (const shard of await Promise.all(wanted.map(key => fetchPart(`terms/${hex(key)}.json`)))) {
    for (const [term, postings] of Object.entries(shard)) terms.set(term, postings);
  }
  const total = index.docs.length, titleBoost = index.config.fields.title.boost;
  const scores = new Map(), matched = new Map();
  for (const word of words) {
    for (const [term, postings] of terms) {
      if (!term.startsWith(word)) continue;
      const idf = Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5));
      const weight = term === word ? 1 : 0.5;  // a whole word counts more than a word it begins
      for (const [doc, inTitle, inText] of postings) {
        scores.set(doc, (scores.get(doc) || 0) + weight * idf * (titleBoost * saturate(inTitle) + saturate(inText)));
        if (!matched.has(doc)) matched.set(doc, new Set());
        matched.get(doc).add(word);
      }
    }
  }
  // As the theme ranks: a page over its sections, and the more of the query's words, the better.
  const ranked = [...scores].map(([doc, score]) => {
    const page = !index.docs[doc].location.includes("#");
    const share = (page ? 1 : 0) + matched.get(doc).size / words.length;
    return { doc, score: score * (1 + share ** 2) };
  }).sort((a, b) => b.score - a.score);
  const groups = new Map();
  for (const hit of ranked) {
    const page = index.docs[hit.doc].page;
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(hit);
  }
  if (ticket !== latest) return;
  const suggest = suggestion(words, terms);
  postMessage({ type: RESULT, data: { items: results(groups, words, matched, new Map()), suggest } });
  // The text of the best-ranked pages, once the reader stops typing: the first page always, then
  // the next ones while they fit the budget. The others show their titles.
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
  if (ticket !== latest) return;
  let spent = 0;
  const reading = [];
  for (const page of groups.keys()) {
    const bytes = parts.text_bytes[page];
    if (reading.length && spent + bytes > parts.text_budget) break;
    spent += bytes;
    reading.push(page);
  }
  const texts = new Map(await Promise.all(reading.map(async page => [page, await fetchPart(`text/${page}.json`)])));
  if (ticket !== latest) return;
  postMessage({ type: RESULT, data: { items: results(groups, words, matched, texts), suggest } });
}

// The theme's result items: one list per page, best first, with the page's own entry in it.
function results(groups, words, matched, texts) {
  const items = [];
  for (const [page, hits] of groups) {
    const pageDoc = pageEntry[page];
    const entries = hits.some(hit => hit.doc === pageDoc) ? hits : [...hits, { doc: pageDoc, score: 0 }];
    items.push(entries.map(({ doc, score }) => {
      const found = matched.get(doc) || new Set();
      const text = texts.has(page) ? texts.get(page)[doc] : "";
      return {
        location: index.docs[doc].location,
        title: highlight(index.docs[doc].title, [...found]),
        text: highlight(text, [...found]),
        score,
        terms: Object.fromEntries(score ? words.map(word => [word, found.has(word)]) : []),
      };
    }));
  }
  return items;
}

// The theme completes the last word typed with the last word suggested: the title word it begins
// that the most titles have.
function suggestion(words, terms) {
  const last = words[words.length - 1];
  let best = null, most = 0;
  for (const [term, postings] of terms) {
    if (!term.startsWith(last)) continue;
    const titles = postings.filter(([, inTitle]) => inTitle).length;
    if (titles > most || (titles === most && best && term.length < best.length)) [best, most] = [term, titles];
  }
  return best ? [best] : [];
}

addEventListener("message", async ({ data: message }) => {
  switch (message.type) {
    case SETUP:
      index = message.data;
      separator = new RegExp(index.config.separator);
      stopWords = new Set(index.config.parts.stop_words);
      pageEntry = [];
      index.docs.forEach((doc, number) => { if (pageEntry[doc.page] === undefined) pageEntry[doc.page] = number; });
      base = new URL(`../../../${index.config.parts.path}`, self.location.href);
      postMessage({ type: READY });
      break;
    case QUERY: {
      const ticket = ++latest;
      try {
        await search(message.data, ticket);
      } catch (error) {
        console.warn(`Search failed for "${message.data}":`, error);
        if (ticket === latest) postMessage({ type: RESULT, data: { items: [] } });
      }
      break;
    }
  }
});

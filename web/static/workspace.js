// workspace.js makes the draft page a workspace. The side pane becomes tabs, its comment threads
// line up with their words, and a highlight and its thread lead to each other. Selecting words
// offers a "Comment" control there, whose form captures the words as the server anchors them
// (exact, prefix, suffix, and their range in code points of the field). Edit turns the text into
// its form in place, with counts and the house limits; what is typed is kept in the browser,
// and every few seconds on the server, until it is saved, and leaving with it unsaved asks
// first. The side pane's forms are sent in the background and only their panel is replaced, so
// nothing being typed is touched. The page says who else is editing and offers a newer version
// when one is saved. Without JavaScript the page stays a set of plain forms that do all of this
// but the live notices by reloading.
(function () {
  "use strict";
  var CONTEXT = 32;
  var NEAR = 0.8; // the share of a limit from which its count is shown
  var desktop = window.matchMedia("(min-width: 64rem)");
  var ws, text, title, editForm, statusEl, storeKey;
  var submitting = false;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.from((root || document).querySelectorAll(sel)); }
  function codePoints(s) { return Array.from(s); }
  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // newsroomTime writes the time at (ms or an ISO string) as the server's pages write times: in
  // the newsroom's zone (the workspace's data-zone), with its abbreviation; the browser's own zone
  // when the browser does not know that one. clockOnly leaves out the day.
  function newsroomTime(at, clockOnly) {
    var opts = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" };
    if (!clockOnly) { opts.weekday = "short"; opts.month = "short"; opts.day = "numeric"; opts.year = "numeric"; }
    try {
      return new Date(at).toLocaleString(undefined, Object.assign({ timeZone: ws.dataset.zone || undefined }, opts));
    } catch (e) {
      return new Date(at).toLocaleString(undefined, opts);
    }
  }

  // status says msg in the page's status region, as a flash or an error.
  // status says what the page did in the status area the viewer can see: the toolbar's, or on
  // a phone showing a tab of the side pane, which hides the text and its toolbar, the pane's.
  function status(msg, isError) {
    var side = document.getElementById("ws-side-status");
    var shown = side && view === "side" && !desktop.matches ? side : statusEl;
    [statusEl, side].forEach(function (el) { if (el && el !== shown) { el.textContent = ""; } });
    shown.textContent = msg;
    shown.className = "ws-status" + (shown === side ? " ws-side-status " : " ") + (isError ? "error" : "flash");
    layoutThreads();
  }

  // ---- Tabs: the side pane's sections, and on a phone the text itself ----

  var tabs = [], view = "text", side = "comments";

  function panelFor(key) { return key === "text" ? $(".ws-main", ws) : document.getElementById(key).closest(".ws-panel"); }

  function initTabs() {
    var list = $(".ws-tabs", ws);
    list.setAttribute("role", "tablist");
    tabs = $$("a", list).map(function (a) {
      var key = a.hash.slice(1), panel = panelFor(key);
      a.id = "tab-" + key;
      a.setAttribute("role", "tab");
      a.setAttribute("aria-controls", panel.id || (panel.id = "pane-" + key));
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", a.id);
      a.addEventListener("click", function (e) { e.preventDefault(); select(key); });
      a.addEventListener("keydown", arrowKeys);
      return { key: key, tab: a, panel: panel };
    });
    // A phone opens on the text, unless the address points into the side pane.
    side = ws.dataset.tab;
    var key = tabForHash(location.hash);
    if (key) { select(key, true); } else { showTabs(); }
    desktop.addEventListener("change", function () { showTabs(); layoutThreads(); });
    window.addEventListener("hashchange", function () {
      var key = tabForHash(location.hash);
      if (key) { select(key, true); } else { reachThread(); }
    });
  }

  // threadsShown is the query that shows the resolved threads the comments panel shows, so that
  // the page brought in keeps them, and any reply being typed in one.
  function threadsShown() {
    var threads = document.getElementById("threads");
    return threads && threads.dataset.shown ? "?" + threads.dataset.shown : "";
  }

  // reachThread brings into the comments panel the thread an address names (#comment-ID) when
  // the page does not show it, a resolved thread it folded, and opens it: the server shows the
  // one named in the query (?comment=ID), which the fragment of an older link does not reach.
  function reachThread() {
    var m = /^#comment-(\d+)$/.exec(location.hash), fold = document.getElementById("resolved-threads");
    if (!m || document.getElementById("comment-" + m[1]) || !fold) { return; }
    fetchPage(draftPath() + "?comment=" + m[1], {}, fold.closest(".ws-panel"), "comment-" + m[1]).then(function (ok) {
      if (ok) { openThread(m[1]); }
    });
  }

  // foldedThreads are the ids of the resolved threads the page folds (the fold's data-folded).
  function foldedThreads() {
    var fold = document.getElementById("resolved-threads");
    return fold && fold.dataset.folded ? fold.dataset.folded.split(" ") : [];
  }

  // countFold says on the fold how many threads it folds: one the panel keeps open because it was
  // typed in (see keepOrphan) is shown, not folded. With none left folded, the fold goes.
  function countFold() {
    var fold = document.getElementById("resolved-threads"), ids = foldedThreads();
    if (!ids.length) { return; }
    var kept = ids.filter(function (id) { return document.getElementById("comment-" + id); }).length, n = ids.length - kept;
    fold.hidden = n === 0;
    $("a", fold).textContent = "Show " + n + (kept || fold.hasAttribute("data-more") ? " more" : "") + " resolved thread" + (n === 1 ? "" : "s");
  }

  function clip(words) { return words.length > 60 ? words.slice(0, 60) + "…" : words; }

  // offerFolded offers back, in the comments panel, the unsent typing this browser keeps for a
  // reply or an edit (leaving.js keeps it under the form's key) whose form the page does not show:
  // a resolved thread's the page folds, with a link to the page showing that thread, where the
  // form offers the typing back; a deleted thread's, or one whose thread no longer takes it, in
  // full, to be copied. Each has a Discard, which asks first, so that nothing typed goes unasked.
  function offerFolded() {
    var prefix = storeKey + ":form:", offers = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i), m = /^((?:reply|edit-comment)-(\d+))(:aside)?$/.exec(key.slice(prefix.length));
        if (key.indexOf(prefix) !== 0 || !m || document.querySelector('form[data-keep-as="' + prefix + m[1] + '"]')) { continue; }
        [].concat(JSON.parse(localStorage.getItem(key)) || []).forEach(function (e) {
          var words = e && e.fields ? Object.keys(e.fields).map(function (k) { return String(e.fields[k]).trim(); }).filter(Boolean).pop() : "";
          if (words) { offers.push({ key: key, at: e.at, id: m[2], words: words }); }
        });
      }
    } catch (err) { return; }
    offers.forEach(offerKept);
  }

  // offerKept offers the typing o that offerFolded found: beside the fold for a folded thread,
  // in its thread for one the page shows, and at the end of the threads for one deleted.
  function offerKept(o) {
    var threads = document.getElementById("threads"), fold = document.getElementById("resolved-threads");
    var thread = document.getElementById("comment-" + o.id), folded = foldedThreads().indexOf(o.id) >= 0;
    if (!threads) { return; }
    var box = document.createElement("div"), says = document.createElement("p"), discard = document.createElement("button");
    box.className = "warning ws-kept-offer";
    box.setAttribute("role", "status");
    box.append(says);
    if (folded) {
      says.textContent = "You typed in a resolved thread this page folds, “" + clip(o.words) + "”, and did not send it.";
      var link = document.createElement("a");
      link.href = draftPath() + "?comment=" + o.id + "#comment-" + o.id;
      link.textContent = "Show the thread to restore it";
      link.setAttribute("data-reload", "");
      box.append(link, " ");
    } else {
      says.textContent = thread ? "You typed this here and did not send it, and this thread no longer takes it: copy what you need." :
        "You typed this in a thread that has since been deleted, and did not send it: copy what you need.";
      var words = document.createElement("blockquote");
      words.className = "ws-kept-words";
      words.dir = "auto";
      words.textContent = o.words;
      box.append(words);
    }
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Discard";
    discard.addEventListener("click", function () {
      if (!window.confirm("Throw away what you typed, “" + clip(o.words) + "”? It cannot be brought back.")) { return; }
      forgetKept(o);
      // The focus stays in the thread the offer was in, or goes on to what follows the offer,
      // or, that hidden (a fold with nothing left to fold), to the threads.
      var next = box.closest(".comment") || box.nextElementSibling || threads;
      box.remove();
      if (!next.getClientRects().length) { next = threads; }
      if (!next.matches("a[href], button, input, select, textarea, [tabindex]")) { next.tabIndex = -1; }
      next.focus();
      status("Discarded what you typed.");
    });
    box.append(discard);
    if (thread && !folded) {
      thread.append(box);
    } else {
      threads.insertBefore(box, fold && fold.parentNode === threads ? fold : null);
    }
  }

  // forgetKept forgets the copy o of typing, under its key alone or among the copies set aside.
  function forgetKept(o) {
    try {
      var kept = JSON.parse(localStorage.getItem(o.key));
      if (Array.isArray(kept)) {
        kept = kept.filter(function (e) { return !e || e.at !== o.at; });
        if (kept.length) { localStorage.setItem(o.key, JSON.stringify(kept)); return; }
      } else if (kept && kept.at !== o.at) {
        return;
      }
      localStorage.removeItem(o.key);
    } catch (err) { /* Storage refused leaves the copy where it is. */ }
  }

  // tabForHash names the tab whose panel holds the element a link's hash points at.
  function tabForHash(hash) {
    var id;
    // A hash that is not a well-formed escape (#%) names nothing rather than stopping the script.
    try { id = decodeURIComponent(hash.slice(1)); } catch (err) { return ""; }
    var el = id && document.getElementById(id);
    if (!el) { return ""; }
    if (el.closest(".ws-main")) { return "text"; }
    var found = tabs.filter(function (t) { return t.panel.contains(el); })[0];
    return found ? found.key : "";
  }

  function select(key, keepHash) {
    if (key === "text") { view = "text"; } else { view = "side"; side = key; }
    showTabs();
    if (!keepHash) { history.replaceState(history.state, "", "#" + key); }
    if (key === "comments") { layoutThreads(); }
  }

  function showTabs() {
    ws.dataset.view = view;
    var current = view === "text" && !desktop.matches ? "text" : side;
    tabs.forEach(function (t) {
      var on = t.key === current;
      t.tab.setAttribute("aria-selected", String(on));
      t.tab.tabIndex = on ? 0 : -1;
      if (t.key !== "text") { t.panel.hidden = t.key !== side; }
    });
  }

  function arrowKeys(e) {
    var shown = tabs.filter(function (t) { return t.tab.offsetParent !== null; });
    var i = shown.findIndex(function (t) { return t.tab === e.currentTarget; });
    var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (next === undefined) { return; }
    e.preventDefault();
    var t = shown[(next + shown.length) % shown.length];
    select(t.key);
    t.tab.focus();
  }

  // ---- Threads beside their words, and the way between a highlight and its thread ----

  // The text is the title, which heads the page, and the article under it (#text), whose
  // other fields the page's note and actions stand between.
  function inText(node) { return text.contains(node) || (!!title && title.contains(node)); }
  function textAll(sel) { return (title ? $$(sel, title) : []).concat($$(sel, text)); }

  function quoteMarks(id) { return textAll("mark[data-quote=\"" + id + "\"]"); }

  // commentMarks returns the highlights a thread's range covers (only the first with first):
  // each commented run names one comment and where it starts in its field, so the runs of a
  // thread are found from its range in the field's runs, in the order of the text.
  var fieldMarks = null;
  function commentMarks(id, first) {
    var th = document.getElementById("comment-" + id);
    if (!th || !th.dataset.to) { return []; }
    if (!fieldMarks) {
      fieldMarks = {};
      textAll("[data-field]").forEach(function (f) {
        var list = fieldMarks[f.dataset.field] || (fieldMarks[f.dataset.field] = []);
        $$("mark[data-at]", f).forEach(function (m) { list.push({ at: Number(m.dataset.at), mark: m }); });
      });
    }
    var list = fieldMarks[th.dataset.field] || [], from = Number(th.dataset.from), to = Number(th.dataset.to);
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid].at < from) { lo = mid + 1; } else { hi = mid; }
    }
    var marks = [];
    for (var i = lo; i < list.length && list[i].at < to && !(first && marks.length); i++) { marks.push(list[i].mark); }
    return marks;
  }

  // layoutThreads places each thread at the height of its words in the text, in the order of
  // the text, never over the one before; what has no words in the text (a resolved thread, the
  // detached ones, a note that there are none) follows in its own order.
  function layoutThreads() {
    var box = document.getElementById("threads");
    if (!box) { return; }
    var items = Array.from(box.children).filter(function (el) { return !el.hidden; });
    var aligned = desktop.matches && !editing() && !box.closest("[hidden]");
    box.classList.toggle("ws-aligned", aligned);
    items.forEach(function (el) { el.style.top = ""; });
    box.style.height = "";
    if (!aligned) { return; }
    // Everything is measured before anything moves, so the browser lays the page out once.
    var base = box.getBoundingClientRect().top;
    var placed = items.map(function (el, i) {
      var mark = el.classList.contains("comment") && commentMarks(el.id.replace("comment-", ""), true)[0];
      return { el: el, i: i, height: el.offsetHeight, top: mark ? mark.getBoundingClientRect().top - base : Infinity };
    }).sort(function (a, b) { return a.top - b.top || a.i - b.i; });
    var k = placed.findIndex(function (p) { return p.el.classList.contains("ws-active") && isFinite(p.top); });
    var y = 0;
    placed.forEach(function (p, i) {
      // Words above the pane (the title, which heads the page) put their thread at its top.
      p.at = i === k ? Math.max(p.top, 0) : Math.max(isFinite(p.top) ? p.top : 0, y);
      y = p.at + p.height + 8;
    });
    // The open thread sits level with its words, as in Google Docs: the threads above it move
    // up to make room, as far as the top of the pane, and only then does it move down.
    var bottom = k > 0 ? placed[k].at - 8 : 0;
    for (var i = k - 1; i >= 0; i--) {
      placed[i].at = Math.min(placed[i].at, bottom - placed[i].height);
      bottom = placed[i].at - 8;
    }
    var shift = k > 0 ? Math.max(0, -placed[0].at) : 0;
    placed.forEach(function (p) { p.el.style.top = (p.at + shift) + "px"; });
    box.style.height = (y + shift) + "px";
  }

  // compactThreads folds every thread but the open one to its words, its first comment and the
  // number of its replies (see workspace.css), and lets the keyboard reach each thread, which
  // opens as it takes the focus. Without the script every thread shows everything.
  function compactThreads() {
    var box = document.getElementById("threads");
    if (!box) { return; }
    box.classList.add("ws-compact");
    $$(".comment", box).forEach(function (c) {
      c.tabIndex = 0;
      var n = $$(".reply", c).length, first = $(".body", c);
      if (n && first && !$(".ws-replies", c)) {
        var count = document.createElement("p");
        count.className = "ws-replies muted";
        count.textContent = n === 1 ? "1 reply" : n + " replies";
        first.after(count);
      }
    });
  }

  // activateThread opens el and folds the thread that was open, then places them again.
  function activateThread(el) {
    if (el.classList.contains("ws-active")) { return; }
    $$(".comment.ws-active").forEach(function (c) { c.classList.remove("ws-active"); });
    el.classList.add("ws-active");
    layoutThreads();
  }

  function focusMarks(marks) {
    textAll("mark.ws-focus").forEach(function (m) { m.classList.remove("ws-focus"); });
    marks.forEach(function (m) { m.classList.add("ws-focus"); });
    return marks;
  }

  function openThread(id) {
    var el = document.getElementById("comment-" + id);
    if (!el) { return; }
    select("comments");
    activateThread(el);
    focusMarks(commentMarks(id));
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  function openQuote(id) {
    var el = document.getElementById("quote-" + id);
    if (!el) { return; }
    select("quotes");
    focusMarks(quoteMarks(id));
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  // keepBarsClear tells the page how far down the bars that stay at the top of the screen
  // reach (the tabs on a phone, the text's toolbar, the side pane's status), as they are now: a
  // status of two lines makes the toolbar taller. What a link or a script brings into view
  // stops below them (workspace.css's scroll-padding), at every width.
  function keepBarsClear() {
    var bars = $$(".ws-tabs, .ws-toolbar, .ws-side-status", ws);
    function measure() {
      var bottom = 0;
      bars.forEach(function (el) {
        var css = getComputedStyle(el);
        if (css.position !== "sticky" || !el.getClientRects().length) { return; }
        bottom = Math.max(bottom, (parseFloat(css.top) || 0) + el.offsetHeight);
      });
      document.documentElement.style.setProperty("--ws-bars", bottom + "px");
    }
    measure();
    desktop.addEventListener("change", measure);
    if (window.ResizeObserver) {
      var resized = new ResizeObserver(measure);
      bars.forEach(function (el) { resized.observe(el); });
    }
  }

  // showInText brings the words of a thread or a quote into view, marked. On a phone the text
  // takes the place of the side pane that asked, and of the keyboard's place in it: the keyboard
  // goes to the words, rather than to the top of the page, and a screen reader reads them.
  function showInText(marks) {
    if (!focusMarks(marks).length) {
      status("Its words are not in the text as it is now.", true);
      return;
    }
    if (!desktop.matches) {
      select("text");
      marks[0].tabIndex = -1;
      marks[0].focus({ preventScroll: true });
    }
    marks[0].scrollIntoView({ block: desktop.matches ? "nearest" : "center" });
  }

  // openInPlace shows the words of el, a thread just opened or a quote's row, beside it; on a
  // phone, where the text is another tab, it marks them there and leaves el where it was tapped,
  // with its reply box or its verdicts in reach: its "Show in the text" link goes to the words.
  function openInPlace(el, marks) {
    if (desktop.matches) {
      showInText(marks);
      return;
    }
    focusMarks(marks);
    el.scrollIntoView({ block: "nearest" });
  }

  function initLinks() {
    [title, text].forEach(function (el) {
      if (!el) { return; }
      el.addEventListener("click", function (e) {
        var m = e.target.closest("mark");
        if (!m || !window.getSelection().isCollapsed) { return; }
        if (m.dataset.comment) { openThread(m.dataset.comment); } else if (m.dataset.quote) { openQuote(m.dataset.quote); }
      });
    });
    $("#side").addEventListener("click", function (e) {
      var link = e.target.closest("a.to-text");
      if (link) {
        e.preventDefault();
        showInText(link.dataset.comment ? commentMarks(link.dataset.comment) : quoteMarks(link.dataset.quote));
        return;
      }
      if (e.target.closest("a, button, input, textarea, select, label, form, details")) { return; }
      var thread = e.target.closest(".comment"), quote = e.target.closest(".quote-row");
      if (thread) {
        activateThread(thread);
        openInPlace(thread, commentMarks(thread.id.replace("comment-", "")));
      } else if (quote) {
        openInPlace(quote, quoteMarks(quote.id.replace("quote-", "")));
      }
    });
    // A thread opens when the keyboard reaches it or anything in it; Enter on the thread
    // itself shows its words and takes the keyboard on to its reply, once the key is up, so
    // that the key does not also send the reply form it lands in.
    $("#side").addEventListener("focusin", function (e) {
      var thread = e.target.closest("#threads .comment");
      if (thread) { activateThread(thread); }
    });
    $("#side").addEventListener("keyup", function (e) {
      if (e.key !== "Enter" || !e.target.matches("#threads .comment")) { return; }
      var marks = commentMarks(e.target.id.replace("comment-", ""));
      // On a phone the text is another tab: its words are marked there, and the thread stays.
      if (marks.length && desktop.matches) { showInText(marks); } else { focusMarks(marks); }
      var next = $(".reply-form input[name=body]", e.target) || $("summary, button", e.target);
      if (next) { next.focus(); }
    });
    window.addEventListener("resize", debounce(layoutThreads, 100));
    // A thread that opens a part of itself (its edit form) grows into the next one: place again.
    $("#side").addEventListener("toggle", layoutThreads, true);
    // The text moves when what is above it or in it changes size (a message, a font arriving).
    if (window.ResizeObserver) {
      var moved = new ResizeObserver(debounce(layoutThreads, 50));
      moved.observe($(".ws-main", ws));
      if (title) { moved.observe(title); }
    }
    if (document.fonts) { document.fonts.ready.then(layoutThreads); }
  }

  // ---- Selecting words: the Comment control and the comment form at the selection ----

  var pop, anchor, compose, fieldTexts = null;

  // texts are the fields' texts as the server counts them: each field's paragraphs, which the
  // page shows run for run, joined with "\n". A newer text brought in is read anew.
  function texts() {
    if (fieldTexts) { return fieldTexts; }
    fieldTexts = {};
    textAll("[data-field]").forEach(function (f) {
      var paras = f.hasAttribute("data-start") ? [f] : $$("[data-start]", f);
      fieldTexts[f.dataset.field] = paras.map(function (p) { return p.textContent; }).join("\n");
    });
    return fieldTexts;
  }

  // offsetIn returns the code-point offset, within its field, of a point (node, offset) inside
  // an element of the text that carries data-start.
  function offsetIn(para, node, offset) {
    var r = document.createRange();
    r.selectNodeContents(para);
    r.setEnd(node, offset);
    return Number(para.dataset.start) + codePoints(r.toString()).length;
  }

  function paragraphOf(node) {
    var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    el = el ? el.closest("[data-start]") : null;
    return el && inText(el) && !el.closest("[hidden]") ? el : null;
  }

  // capture is the anchor of the current selection in the text, or null: its words trimmed of
  // the space around them, in one field.
  function capture() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    var startPara = paragraphOf(range.startContainer), endPara = paragraphOf(range.endContainer);
    if (!startPara || !endPara) { return null; }
    var field = startPara.closest("[data-field]").dataset.field;
    if (endPara.closest("[data-field]").dataset.field !== field) { return null; }
    var all = codePoints(texts()[field] || "");
    var start = offsetIn(startPara, range.startContainer, range.startOffset);
    var end = offsetIn(endPara, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(all[start])) { start++; }
    while (end > start && /\s/.test(all[end - 1])) { end--; }
    if (end <= start || end > all.length) { return null; }
    return {
      field: field, start: start, end: end, range: range, after: endPara.closest("h1") || endPara,
      exact: all.slice(start, end).join(""),
      prefix: all.slice(Math.max(0, start - CONTEXT), start).join(""),
      suffix: all.slice(end, end + CONTEXT).join("")
    };
  }

  // readingPoint is where the reader's caret or selection stands in the text, in code points of
  // its field, or null: a click in the text leaves a caret there, as dragging over words leaves
  // a selection, and Edit puts the field's caret at the same place.
  function readingPoint() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) { return null; }
    var r = sel.getRangeAt(0), sp = paragraphOf(r.startContainer), ep = paragraphOf(r.endContainer);
    if (!sp) { return null; }
    var field = sp.closest("[data-field]").dataset.field, start = offsetIn(sp, r.startContainer, r.startOffset);
    var end = ep && ep.closest("[data-field]").dataset.field === field ? offsetIn(ep, r.endContainer, r.endOffset) : start;
    return { field: field, start: start, end: end, range: r.cloneRange() };
  }

  var lastReading = null;

  // caretAt selects in field f the code points at.start to at.end of the text as it reads, when
  // f holds that text (a body shows its paragraphs a blank line apart, one more line break each),
  // and scrolls so that the selection stands where the reader saw it.
  function caretAt(f, at) {
    var read = texts()[at.field] || "";
    var paras = f.hasAttribute("data-paras");
    if ((paras ? bodyText(f) : f.value) !== read) { return; }
    var cps = codePoints(read);
    var breaks = function (o) { return paras ? cps.slice(0, o).filter(function (c) { return c === "\n"; }).length : 0; };
    var value = codePoints(f.value);
    var unit = function (o) { return value.slice(0, o + breaks(o)).join("").length; };
    f.setSelectionRange(unit(at.start), unit(at.end));
    var box = f.getBoundingClientRect(), line = box.top + box.height * (at.start + breaks(at.start)) / Math.max(1, value.length);
    window.scrollBy(0, line - at.top);
  }

  // place puts el just under the last line of a range, inside the workspace.
  function place(el, range) {
    var rects = range.getClientRects(), last = rects[rects.length - 1] || range.getBoundingClientRect();
    var box = ws.getBoundingClientRect();
    el.style.top = (last.bottom - box.top + 6) + "px";
    var left = Math.min(last.right - box.left - 40, box.width - el.offsetWidth - 8);
    el.style.left = Math.max(0, left) + "px";
  }

  function initSelection() {
    var form = document.getElementById("comment-form");
    if (!form) { return; }
    pop = document.createElement("button");
    pop.type = "button";
    pop.className = "ws-pop";
    pop.textContent = "Comment";
    pop.hidden = true;
    pop.setAttribute("aria-keyshortcuts", "Control+Alt+M");
    pop.title = "Comment on the selected words (Ctrl+Alt+M)";
    pop.addEventListener("click", openCompose);
    compose = document.createElement("div");
    compose.className = "ws-float";
    compose.hidden = true;
    ws.appendChild(compose);

    document.addEventListener("selectionchange", debounce(function () {
      if (editing() || document.activeElement === pop) { return; }
      var a = capture();
      if (!a) { pop.hidden = true; return; }
      anchor = a;
      a.after.after(pop);
      pop.hidden = false;
      place(pop, a.range);
    }, 120));
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !compose.hidden) { closeCompose(); }
      if (e.ctrlKey && e.altKey && (e.key === "m" || e.key === "M")) {
        e.preventDefault();
        if (pop.hidden) { typeWords(); } else { openCompose(); }
      }
    });
    form.elements.exact.addEventListener("input", forget);
    form.elements.field.addEventListener("change", forget);
    document.getElementById("comment-cancel").addEventListener("click", closeCompose);
  }

  // forget drops the captured range when the words or the field are changed by hand, so the
  // server finds the words from the text alone.
  function forget() {
    var form = document.getElementById("comment-form");
    form.elements.start.value = "";
    form.elements.end.value = "";
  }

  function openCompose() {
    var form = document.getElementById("comment-form");
    if (!anchor || !form) { return; }
    // The captured words become the fields' starting point: they are not typing of the viewer's.
    ["field", "exact", "prefix", "suffix", "start", "end"].forEach(function (k) { setDefault(form.elements[k], String(anchor[k])); });
    $("#comment-hint", form).textContent = "Commenting on: “" + anchor.exact + "”";
    $("#comment-cancel", form).hidden = false;
    compose.appendChild(form);
    compose.hidden = false;
    pop.hidden = true;
    place(compose, anchor.range);
    form.elements.body.focus();
  }

  // typeWords is the shortcut's way without a selection: a keyboard cannot select words in a
  // text that is only read (without the browser's caret browsing), so the keyboard goes to the
  // comment form's Exact words, on its tab, and the page says what to type there.
  function typeWords() {
    var form = document.getElementById("comment-form");
    if (!form || floatingForm()) { return; }
    select("comments");
    form.elements.exact.focus();
    status("Type the exact words to comment on, then your comment.");
  }

  // setDefault sets a field's value and makes it the value the field starts from.
  function setDefault(f, v) {
    if (f.tagName === "SELECT") {
      Array.from(f.options).forEach(function (o) { o.defaultSelected = o.selected = o.value === v; });
    } else {
      f.defaultValue = f.value = v;
    }
  }

  // closeCompose puts the floating form back in the comments panel; the keyboard, if it was in
  // the form, goes back to the Comment control or, with that gone, to the words' paragraph.
  function closeCompose() {
    var form = floatingForm();
    if (!form) { return; }
    var hadFocus = form.contains(document.activeElement);
    putBackCompose();
    if (hadFocus) { returnFocus(); }
  }

  function floatingForm() { return compose && !compose.hidden ? $("#comment-form", compose) : null; }

  function putBackCompose() {
    var form = compose && $("#comment-form", compose);
    if (form) {
      $("#comment-hint", form).textContent = "Select words in the text, or type the exact words here.";
      $("#comment-cancel", form).hidden = true;
      document.getElementById("comments").appendChild(form);
    }
    if (compose) { compose.hidden = true; }
  }

  // returnFocus puts the keyboard on the Comment control at the words the form was about, or on
  // the text when those words are gone.
  function returnFocus() {
    var para = anchor && anchor.after;
    if (!para || !para.isConnected || editing()) { refocus("text", "text"); return; }
    para.after(pop);
    pop.hidden = false;
    place(pop, anchor.range);
    pop.focus({ preventScroll: true });
  }

  // ---- Edit in place ----

  function fields() {
    return editForm ? Array.from(editForm.elements).filter(function (el) { return el.classList.contains("ws-field"); }) : [];
  }

  function editing() { return !!editForm && $("#edit-start").hidden; }

  // dirty reports whether the edit form holds text that is not saved: typed since the page came,
  // or shown again after the server refused to save it (its fields then start from that text).
  function dirty() { return !!editForm && (editForm.hasAttribute("data-refused") || fields().some(changed)); }

  // changed reports whether a field differs from what the page brought: its text, its tick or
  // its choice.
  function changed(f) {
    if (f.type === "checkbox" || f.type === "radio") { return f.checked !== f.defaultChecked; }
    if (f.tagName === "SELECT") { return Array.from(f.options).some(function (o) { return o.selected !== o.defaultSelected; }); }
    return f.value !== f.defaultValue;
  }

  // typedIn reports whether words have been typed into a form other than the edit form.
  function typedIn(form) {
    return form !== editForm && Array.from(form.elements).some(function (f) {
      return (f.tagName === "TEXTAREA" || (f.tagName === "INPUT" && (f.type === "text" || f.type === "search"))) &&
        f.value.trim() !== "" && f.value !== f.defaultValue;
    });
  }

  function setEditing(on) {
    $$("[data-read]", ws).forEach(function (el) { el.hidden = on; });
    $$("[data-edit]", ws).forEach(function (el) { el.hidden = !on; });
    // The title's field, first of the text's, stands in for the heading, kept for screen readers.
    if (title && editForm.elements.title) { title.classList.toggle("ws-title-editing", on); }
    if (pop) { pop.hidden = true; }
    focusMarks([]);
    fields().forEach(function (f) { grow(f); count(f); });
    layoutThreads();
  }

  // grow fits a field to its text where the browser cannot (CSS field-sizing).
  function grow(f) {
    if (f.tagName !== "TEXTAREA" || (window.CSS && CSS.supports("field-sizing", "content"))) { return; }
    f.style.height = "auto";
    f.style.height = f.scrollHeight + 2 + "px";
  }

  function bodyText(f) {
    var v = f.value.replace(/\r\n?/g, "\n");
    return f.hasAttribute("data-paras") ? v.split("\n").filter(function (l) { return l.trim() !== ""; }).join("\n") : v;
  }

  // count shows a field's words (body and brief) and, once it nears the house limit, how many
  // characters of the limit it takes; it says so in the status region when that changes.
  function count(f) {
    var out = document.getElementById("count-" + f.name), max = Number(f.dataset.max);
    if (!out) { return; }
    var v = bodyText(f), n = codePoints(v).length, parts = [], state = "";
    if (f.name === "body" || f.name === "brief") {
      var words = v.trim() ? v.trim().split(/\s+/).length : 0;
      parts.push(words.toLocaleString() + (words === 1 ? " word" : " words"));
    }
    if (max && n >= max * NEAR) {
      state = n > max ? "ws-over" : "ws-near";
      parts.push(n.toLocaleString() + " of " + max.toLocaleString() + " characters" + (n > max ? ": over the limit" : ""));
    }
    out.textContent = parts.join(" · ");
    if (out.dataset.state !== state && (state || out.dataset.state)) {
      status(out.closest("h2").firstChild.textContent.trim() + ": " + (parts[parts.length - 1] || "within the limit") + ".", state === "ws-over");
    }
    out.dataset.state = state;
    out.className = "ws-count " + state;
  }

  function initEditing() {
    editForm = document.getElementById("edit");
    if (!editForm) { return; }
    $("#edit-start").addEventListener("click", function (e) {
      e.preventDefault();
      var at = readingPoint() || lastReading;
      if (at && !inText(at.range.startContainer)) { at = null; }
      if (at) { at.top = at.range.getBoundingClientRect().top; }
      setEditing(true);
      history.replaceState(history.state, "", draftPath() + "?edit=1" + location.hash);
      var f = at && editForm.elements[at.field];
      if (!f || f.hidden || f.tagName !== "TEXTAREA") { f = editForm.elements.body || fields()[0]; }
      if (!f) { return; }
      f.focus();
      if (at && f.name === at.field) { caretAt(f, at); }
    });
    // Pressing Edit can take the selection from the text (a press on a link puts the caret in
    // it), so the last place the reader clicked or selected in the text is kept as they go.
    document.addEventListener("selectionchange", function () {
      if (!editing()) { lastReading = readingPoint() || lastReading; }
    });
    $("#edit-cancel").addEventListener("click", function (e) {
      e.preventDefault();
      if (dirty() && !window.confirm("Throw away the changes you have not saved?")) { return; }
      forgetTyping();
      afterKeep(function () {
        if (keptAt) { discardOnServer(keptAt); }
        keptAt = null;
      });
      // A refused save's fields start from the refused text: the saved text comes with the page.
      if (editForm.hasAttribute("data-refused")) {
        submitting = true;
        location.href = e.currentTarget.href;
        return;
      }
      fields().forEach(function (f) { f.value = f.defaultValue; });
      if (newerText) { showText(newerText); }
      setEditing(false);
      history.replaceState(history.state, "", draftPath() + location.hash);
    });
    // The fields are found when used: the text, and with it the fields, is replaced when a
    // side-pane form brings a newer page while nobody is editing.
    ws.addEventListener("input", function (e) {
      var f = e.target;
      if (!f.classList.contains("ws-field")) { return; }
      // Once typing starts anew, an offer to restore older typing would overwrite it: the older
      // typing is set aside instead, for its words to be copied.
      setAside();
      grow(f);
      count(f);
      keepSoon();
      keepOnServer();
    });
    ws.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.name === "title" && e.target.classList.contains("ws-field")) { e.preventDefault(); }
    });
    // Ctrl+S (Cmd+S) saves while editing, as in the editors people come from.
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "s" || e.key === "S") && editing()) {
        e.preventDefault();
        // On a phone the fields are on the Text tab: shown, the browser can say what is wrong.
        if (!desktop.matches && view !== "text") { select("text"); }
        $("#edit-save").click();
      }
    });
    // The save names the working copy this page kept its typing as, so that it drops that copy
    // and not one another tab kept since; it is the page after it, in this tab, that forgets the
    // copy sent in this browser, once it says the save went through.
    var named = document.createElement("input");
    named.type = "hidden";
    named.name = "working_copy";
    editForm.appendChild(named);
    editForm.addEventListener("submit", function (e) {
      // A keep on its way makes a copy the save must name: the save goes once it is through, and
      // no other keep starts meanwhile.
      if (keeping || saveWaits) {
        e.preventDefault();
        if (saveWaits) { return; }
        saveWaits = true;
        var by = e.submitter;
        afterKeep(function () { saveWaits = false; keeping = null; editForm.requestSubmit(by || undefined); });
        return;
      }
      submitting = true;
      named.value = keptAt || "";
      keepTyping(true);
      try { sessionStorage.setItem(sentKey(), pageKey()); } catch (err) { /* The copy is then offered back, and equal to the text, dropped. */ }
      notePlace();
    });
    ws.addEventListener("focusin", function (e) {
      if (e.target.classList.contains("ws-field")) { lastField = e.target; }
    });
    // An action (send to fact-check, approve, publish…) takes the piece as last saved: typing not
    // saved would stay behind, often in a stage where its typist may no longer edit, so the
    // action waits for a save or a cancel. It is registered before initLeaving, which lets the
    // page go for any form not stopped here.
    document.addEventListener("submit", function (e) {
      if (!dirty() || !e.target.closest(".ws-actions")) { return; }
      e.preventDefault();
      if (!desktop.matches && view !== "text") { select("text"); }
      var label = e.submitter ? e.submitter.textContent.trim() : "This action";
      status("Not done: save your changes first, or cancel them. " + label + " takes the piece as last saved.", true);
      $("#edit-save").focus();
    });
    if (editing()) { setEditing(true); }
    showAsideKept();
    offerRestore();
    backToPlace();
  }

  // toRefused takes the keyboard, and the screen, to the field a refused save names, with its
  // reason. page.js focused it as the page loaded, but the typing offered back or set aside is
  // shown above the text after that, and pushes the field down, off the screen. It runs once the
  // bars at the top of the screen are measured, which a field's over-the-limit status makes taller,
  // so that the reason stops below them.
  function toRefused() {
    var f = $("[aria-invalid=true]", ws);
    if (!f || !f.getClientRects().length) { return; }
    f.focus({ preventScroll: true });
    f.scrollIntoView({ block: "center" });
    var reason = document.getElementById("error-" + f.name);
    if (reason) { reason.scrollIntoView({ block: "nearest" }); }
  }

  // ---- A save keeps the writer's place ----

  // Save reloads the draft in reading mode; the page comes back at the paragraph the writer's
  // caret was in, where it stood in the window, rather than at the top of a long piece. The
  // place is kept in this tab (sessionStorage) only across that reload.
  var lastField = null;

  function placeKey() { return storeKey + ":place"; }

  // notePlace keeps the paragraph of the field the caret was last in: its field, its number
  // among the field's paragraphs (a body's blank lines are only spacing), and how far down the
  // window it stood.
  function notePlace() {
    var f = lastField;
    if (!f || !f.isConnected || f.hidden || typeof f.selectionStart !== "number") { return; }
    var value = f.value.replace(/\r\n?/g, "\n"), before = value.slice(0, f.selectionStart).split("\n");
    before.pop();
    var para = f.hasAttribute("data-paras") ? before.filter(function (l) { return l.trim() !== ""; }).length : before.length;
    var box = f.getBoundingClientRect(), top = box.top + box.height * (value.length ? f.selectionStart / value.length : 0);
    // A caret out of sight (the writer went up to Save) comes back a third of the way down.
    if (top < 0 || top > window.innerHeight - 40) { top = window.innerHeight / 3; }
    try { sessionStorage.setItem(placeKey(), JSON.stringify({ field: f.name, para: para, top: top })); } catch (err) { /* The page then opens at its top. */ }
  }

  // backToPlace scrolls the page that a save that went through brings to the paragraph noted,
  // and puts the reading caret at its start, where Edit takes up again.
  function backToPlace() {
    var at = null;
    try {
      at = JSON.parse(sessionStorage.getItem(placeKey()) || "null");
      sessionStorage.removeItem(placeKey());
    } catch (err) { return; }
    var flash = $("#ws-messages .flash");
    if (!at || editing() || !flash || !/^Saved\b/.test(flash.textContent.trim())) { return; }
    var field = textAll("[data-field=\"" + at.field + "\"]")[0];
    var paras = !field ? [] : field.hasAttribute("data-start") ? [field] : $$("[data-start]", field);
    var p = paras[Math.min(at.para, paras.length - 1)];
    if (!p) { return; }
    window.scrollBy(0, p.getBoundingClientRect().top - at.top);
    var r = document.createRange();
    r.setStart(p, 0);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(r);
  }

  // ---- Nothing typed is lost: a copy in this browser until the save is through ----

  // Each page keeps its typing under a key of its own, so that two tabs of one draft never write
  // over each other's copy. While it keeps one it holds a lock of the same name (the Web Locks
  // API), which the browser lets go when the page goes away, closed, crashed or discarded in the
  // background: a page that opens later tells the copies of pages still open, whose typing is
  // theirs to save, from those left behind, which it offers back.
  var pageId = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  var releaseLock = null;

  function pagesPrefix() { return storeKey + ":page:"; }
  function pageKey() { return pagesPrefix() + pageId; }
  function sentKey() { return storeKey + ":sent"; }

  function readKey(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (err) { return null; }
  }

  function writeKey(key, entry) {
    try {
      if (entry) { localStorage.setItem(key, JSON.stringify(entry)); } else { localStorage.removeItem(key); }
    } catch (err) { /* A full or refused storage leaves the page as it would be without it. */ }
  }

  function readTyping() { return readKey(pageKey()); }

  function writeTyping(entry) {
    writeKey(pageKey(), entry);
    holdLock(!!entry);
  }

  function forgetTyping() { writeTyping(null); }

  // holdLock holds this page's lock while it keeps a copy, and lets it go when it keeps none.
  function holdLock(on) {
    if (!navigator.locks || !on === !releaseLock) { return; }
    if (!on) { releaseLock(); releaseLock = null; return; }
    var held = new Promise(function (resolve) { releaseLock = resolve; });
    navigator.locks.request(pageKey(), function () { return held; }).catch(function () { /* The copy is then taken as left behind. */ });
  }

  // keepSoon keeps the typing a moment after it pauses; not once the form is sent, when the copy
  // kept is the one marked sent, which the page after a save that went through forgets.
  var keepSoon = debounce(function () { if (!submitting) { keepTyping(false); } }, 400);

  // keepTyping stores the form's fields with the version they are based on and the working copy
  // on the server they were last kept as; sent marks a copy whose save is under way, which the
  // next page in this tab forgets unless the save failed.
  function keepTyping(sent) {
    if (!dirty() && !sent) { forgetTyping(); return; }
    var values = {};
    fields().forEach(function (f) { values[f.name] = f.value; });
    writeTyping({ at: Date.now(), version: editForm.elements.version.value, fields: values, sent: !!sent, kept: keptAt });
  }

  // keptAt is the working copy on the server that this page's typing was last kept as (its
  // saved_at, as the server wrote it), or null: a save or a cancel names it, and drops that copy
  // and not one another tab kept since.
  var keptAt = null;

  // serverCopy is the viewer's working copy kept on the server, as the page carries it, in the
  // shape of a copy kept in this browser; null when the page carries none.
  function serverCopy() {
    var data = document.getElementById("working-copy"), wc = data && JSON.parse(data.textContent);
    if (!wc) { return null; }
    var t = wc.text, values = {
      title: t.title, byline: t.byline, brief: t.brief, body: (t.body || "").split("\n").filter(function (l) { return l.trim() !== ""; }).join("\n\n"),
      topics: (t.topics || []).join("\n"), editor_comment: t.editor_comment
    };
    return { at: Date.parse(wc.saved_at), version: String(wc.base_version), fields: values, server: true, kept: wc.saved_at };
  }

  // pagesOpen calls back with the keys of the copies kept by pages open now, in this browser, or
  // with null when the browser cannot say (no Web Locks: an address that is not https).
  function pagesOpen(then) {
    if (!navigator.locks || !navigator.locks.query) { then(null); return; }
    navigator.locks.query().then(function (st) {
      var open = {};
      (st.held || []).concat(st.pending || []).forEach(function (l) { open[l.name] = true; });
      then(open);
    }, function () { then(null); });
  }

  // keptCopies reads the copies of this draft's typing kept in this browser, with their keys: each
  // page's, and the one key the pages before these kept theirs under.
  function keptCopies() {
    var list = [], keys = [storeKey];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (localStorage.key(i).indexOf(pagesPrefix()) === 0) { keys.push(localStorage.key(i)); }
      }
    } catch (err) { return list; }
    keys.forEach(function (key) {
      var e = readKey(key);
      if (e && e.fields) { e.key = key; list.push(e); } else if (e) { writeKey(key, null); }
    });
    return list;
  }

  // differs reports whether the copy e holds typing the form does not.
  function differs(e) {
    return fields().some(function (f) { return f.type !== "hidden" && f.name in e.fields && e.fields[f.name] !== f.value; });
  }

  // offerRestore offers back the newest unsaved typing left behind, in this browser by a page no
  // longer open or on the server, when it differs from the form; older typing left behind is set
  // aside beside it, and typing in another tab still open is only named.
  function offerRestore() {
    // The copy the page before this one in this tab sent with a save: the page after a save that
    // went through says so ("Saved.", or "Saved, merged with…"), and it is done with. Any other
    // page (an error, the conflict page and back) keeps it.
    var flash = $("#ws-messages .flash"), saved = !!flash && /^Saved\b/.test(flash.textContent.trim());
    var sent = null;
    try { sent = sessionStorage.getItem(sentKey()); sessionStorage.removeItem(sentKey()); } catch (err) { /* None is known. */ }
    pagesOpen(function (open) {
      var left = [], others = [], all = keptCopies();
      all.forEach(function (e) {
        if (e.sent && (e.key === sent || e.key === storeKey)) {
          if (saved) { writeKey(e.key, null); return; }
          e.sent = false;
        }
        (open && open[e.key] ? others : left).push(e);
      });
      // A copy the form holds already is no longer left behind: it is this page's to keep while
      // the form holds it unsaved (the text of a refused save, or typing the browser put back
      // in the form going back to the page), or done with (saved).
      left = left.filter(function (e) {
        if (differs(e)) { return true; }
        if (dirty() && !readTyping()) {
          keptAt = e.kept || null;
          writeTyping({ at: e.at, version: e.version, fields: e.fields, sent: false, kept: keptAt });
        }
        writeKey(e.key, null);
        return false;
      });
      left.sort(function (a, b) { return b.at - a.at; });
      var remote = serverCopy(), mine = function (e) { return !!remote && e.kept === remote.kept; };
      // The server's copy was kept from a copy in this browser (which holds it, or typing since),
      // or from another tab or machine: only then is it offered, and only when newer.
      if (remote && (all.some(mine) || !differs(remote) || (left.length && left[0].at >= remote.at))) { remote = null; }
      var offer = remote || left.shift();
      left.forEach(function (e) { writeKey(e.key, null); putAside(e); });
      if (offer) { showOffer(offer); }
      // Typing the form holds that no copy did (put back by the browser) is kept from now on.
      if (dirty() && !readTyping()) { keepTyping(false); }
      tellElsewhere(others);
    });
  }

  // showOffer offers entry, typing left behind, back above the text.
  function showOffer(entry) {
    var offer = document.createElement("div");
    offer.className = "ws-offer warning";
    offer.setAttribute("role", "alert");
    var when = newsroomTime(entry.at);
    offer.innerHTML = "<p></p><button type=\"button\">Restore</button> <button type=\"button\" class=\"secondary\">Discard</button>";
    offer.firstChild.textContent = "Restore your unsaved changes from " + when + (entry.server ? ", kept on the server" : "") + "?";
    var buttons = $$("button", offer);
    buttons[0].addEventListener("click", function () {
      fields().forEach(function (f) { if (f.name in entry.fields) { f.value = entry.fields[f.name]; } });
      // The typing was based on the version it started from: saving it says so, and the server
      // merges it with what was saved since instead of taking it as current.
      editForm.elements.version.value = entry.version;
      keptAt = entry.kept || null;
      keepTyping(false);
      dropOffer(true);
      setEditing(true);
      status("Your unsaved changes are back. Save to keep them.");
    });
    buttons[1].addEventListener("click", function () {
      dropOffer(true);
      if (entry.kept) { discardOnServer(entry.kept); }
    });
    offerEl = offer;
    offered = entry;
    $(".ws-main").insertBefore(offer, $(".ws-main").firstChild);
  }

  // tellElsewhere says that the viewer has typing not saved in other tabs still open, which this
  // page leaves to them, and watches for each of those pages to go: closed or crashed with its
  // typing unsaved, the typing is left behind, and this page offers it back then, or sets it
  // aside when the offer would take this page's own typing away.
  var elsewhereNote = null, elsewhere = [];

  function tellElsewhere(list) {
    elsewhere = list.filter(differs);
    sayElsewhere();
    list.forEach(awaitGone);
  }

  // watching holds the keys of the copies whose pages awaitGone waits on.
  var watching = {};

  // typedElsewhere hears of a copy another page of this draft keeps, in another tab, as it is
  // written: a page that starts keeping one after this page opened, or again after it forgot
  // its last, is named and waited on as those open when this page opened.
  function typedElsewhere(key, e) {
    if (!navigator.locks || watching[key] || e.sent) { return; }
    e.key = key;
    if (differs(e)) {
      elsewhere.push(e);
      sayElsewhere();
    }
    awaitGone(e);
  }

  function sayElsewhere() {
    if (!elsewhere.length) {
      if (elsewhereNote) { elsewhereNote.remove(); elsewhereNote = null; }
      return;
    }
    if (!elsewhereNote) {
      elsewhereNote = document.createElement("p");
      elsewhereNote.className = "ws-live ws-elsewhere";
      elsewhereNote.setAttribute("role", "status");
      $(".ws-main").insertBefore(elsewhereNote, $(".ws-main").firstChild);
    }
    elsewhereNote.textContent = "You have changes to this piece not saved yet in another tab. Save them there: this page does not show them.";
  }

  // awaitGone waits for the page that keeps the copy e to let its lock go. A page that forgot its
  // copy (saved or cancelled) lets it go too, and one that then keeps another asks for it again
  // in the same step as it writes the copy: only a copy whose page does not ask is left behind.
  // A copy sent with a save is left to the page that follows in its tab, which knows whether the
  // save went through; should none follow, the copy is offered when this draft is next opened.
  function awaitGone(e) {
    watching[e.key] = true;
    navigator.locks.request(e.key, function () {
      return navigator.locks.query().then(function (st) {
        return (st.pending || []).some(function (l) { return l.name === e.key; });
      });
    }).then(function (asked) {
      if (asked) { awaitGone(e); return; }
      delete watching[e.key];
      elsewhere = elsewhere.filter(function (x) { return x.key !== e.key; });
      sayElsewhere();
      var now = readKey(e.key);
      if (!now || !now.fields || now.sent || !differs(now)) { return; }
      now.key = e.key;
      if (offerEl || dirty()) {
        putAside(now);
        writeKey(e.key, null);
      } else {
        showOffer(now);
      }
    }, function () { delete watching[e.key]; /* The copy is offered when the page is next opened. */ });
  }

  var offerEl = null, offered = null;

  // dropOffer takes the offer away; done, the copy it offered is forgotten in this browser too
  // (restored into the form, set aside, or discarded).
  function dropOffer(done) {
    if (!offerEl) { return; }
    if (done && offered.key) { writeKey(offered.key, null); }
    offerEl.remove();
    offerEl = offered = null;
  }

  // ---- Typing set aside: an offer not taken keeps its words until they are discarded ----

  function asideKey() { return storeKey + ":aside"; }

  // asides reads the copies of typing set aside on this draft in this browser, oldest first.
  function asides() {
    var list = [];
    try { list = JSON.parse(localStorage.getItem(asideKey()) || "[]"); } catch (err) { list = []; }
    return Array.isArray(list) ? list.filter(function (e) { return e && e.fields; }) : [];
  }

  function keepAsides(list) {
    try {
      if (list.length) { localStorage.setItem(asideKey(), JSON.stringify(list)); } else { localStorage.removeItem(asideKey()); }
    } catch (err) { /* What is set aside is still shown on this page. */ }
  }

  // setAside drops a standing offer when typing starts anew, but not the typing it offered:
  // the new typing takes that copy's place in this browser and on the server, so the offered
  // copy is kept apart and shown, read only, until its words are copied and it is discarded.
  // Each copy set aside is kept until it is discarded itself, however many come after it.
  function setAside() {
    var entry = offered;
    if (!entry) { return; }
    putAside(entry);
    dropOffer(true);
    // The copy on the server it was kept as is this page's to replace: its save or cancel
    // drops it, as its own would, before this page keeps its own.
    if (!keptAt && entry.kept) { keptAt = entry.kept; }
  }

  // putAside keeps a copy of typing apart, read only, until it is discarded itself, and shows it.
  function putAside(entry) {
    var e = { at: entry.at, version: entry.version, fields: entry.fields };
    keepAsides(asides().filter(function (x) { return x.at !== e.at; }).concat([e]));
    showAside(e);
  }

  // showAside shows a copy of typing set aside (see setAside), from this page or an earlier
  // one, above those set aside before it.
  function showAside(entry) {
    var box = document.createElement("section"), id = "ws-aside-title-" + entry.at;
    box.className = "panel warning ws-aside";
    box.setAttribute("aria-labelledby", id);
    box.innerHTML = "<h2></h2><p class=\"hint\">They are not in the draft: copy what you need, then discard them.</p>" +
      "<button type=\"button\" class=\"secondary\">Discard them</button>";
    box.firstChild.id = id;
    box.firstChild.textContent = "Your earlier unsaved changes, from " + newsroomTime(entry.at);
    var button = $("button", box);
    fields().forEach(function (f) {
      var v = entry.fields[f.name];
      if (f.type === "hidden" || !v || v === f.defaultValue) { return; }
      var label = document.createElement("label"), area = document.createElement("textarea");
      label.textContent = fieldName(f) + " ";
      area.readOnly = true;
      area.dir = "auto";
      area.rows = f.name === "body" ? 8 : 2;
      area.value = v;
      label.appendChild(area);
      box.insertBefore(label, button);
    });
    button.addEventListener("click", function () {
      keepAsides(asides().filter(function (e) { return e.at !== entry.at; }));
      box.remove();
    });
    $(".ws-main").insertBefore(box, $(".ws-main").firstChild);
  }

  // fieldName is what the page calls the field f: the first words (a count may follow them) of
  // its own label or of what its aria-labelledby names, else its aria-label, else its name.
  function fieldName(f) {
    var by = f.getAttribute("aria-labelledby"), el = (f.labels && f.labels[0]) || (by && document.getElementById(by.split(" ")[0]));
    var words = el && el.firstChild ? el.firstChild.textContent.trim() : "";
    return words || f.getAttribute("aria-label") || f.name;
  }

  // showAsideKept shows the typing earlier pages set aside and nobody discarded.
  function showAsideKept() { asides().forEach(showAside); }

  // ---- The working copy on the server, and who else is editing ----

  var SERVER_AFTER = 3000, POLL_EVERY = 5000;
  var serverTimer = null;

  function live() { return !!editForm && ws.dataset.live === "on"; }

  // draftPath is the draft page's own address: a refused form's page stands at the address the
  // form was posted to (/drafts/5/edit), below which the draft's routes are not.
  function draftPath() { return "/drafts/" + ws.dataset.draft; }

  function sendJSON(path, body) {
    return fetch(draftPath() + path, { method: body ? "POST" : "GET", body: body, keepalive: !!body, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json().catch(function () { return {}; }) : Promise.reject(res.status); });
  }

  // keepOnServer sends the typing to the server a few seconds after it starts, and again a few
  // seconds after each pause, so that the writer can go on from another machine.
  function keepOnServer() {
    if (!live() || serverTimer) { return; }
    serverTimer = setTimeout(function () {
      serverTimer = null;
      if (!dirty() || submitting || saveWaits) { return; }
      var note = document.getElementById("ws-kept");
      if (movedAway) {
        note.textContent = "Not kept on the server: you can no longer edit this piece. This browser keeps your changes.";
        return;
      }
      var body = new URLSearchParams();
      body.set("csrf", editForm.elements.csrf.value);
      body.set("version", editForm.elements.version.value);
      fields().forEach(function (f) { body.set(f.name, f.value); });
      var kept = sendJSON("/working-copy", body).then(function (r) {
        if (!dirty() && !submitting) {
          discardOnServer(r.saved_at);
          return;
        }
        keptAt = r.saved_at;
        var mine = readTyping();
        if (mine) { mine.kept = keptAt; writeTyping(mine); }
        note.textContent = "Kept on the server at " + newsroomTime(r.saved_at, true) + ".";
      }, function (code) {
        note.textContent = "Not kept on the server just now; this browser keeps it.";
        if (code === 401) { signedOut(); }
      });
      keeping = kept;
      kept.then(function () { if (keeping === kept) { keeping = null; } });
    }, SERVER_AFTER);
  }

  // keeping is the keep on its way to the server, if any; afterKeep calls then once it is through,
  // or after KEEP_WAIT, for a save or a cancel to name the copy it makes; saveWaits while a save
  // waits so. A keep answered later
  // than that to a page that no longer holds typing (cancelled) is discarded when it answers.
  var keeping = null, KEEP_WAIT = 15000, saveWaits = false;

  function afterKeep(then) {
    if (!keeping) { then(); return; }
    var done = false, once = function () { if (!done) { done = true; then(); } };
    keeping.then(once);
    setTimeout(once, KEEP_WAIT);
  }

  // discardOnServer drops the working copy kept on the server at stamp (its saved_at), and not
  // one kept since, from another tab or machine, which the viewer has not seen.
  function discardOnServer(stamp) {
    if (!live()) { return; }
    var body = new URLSearchParams();
    body.set("csrf", editForm.elements.csrf.value);
    body.set("saved_at", stamp);
    sendJSON("/working-copy/discard", body).catch(function () { /* A copy left behind is offered again, and a save clears it. */ });
  }

  // hearOtherTabs follows the copies other tabs of this draft keep in this browser. One written
  // is typing elsewhere (see typedElsewhere). One sent with a save, or forgotten, was maybe the
  // working copy on the server (the viewer keeps one, the last kept), which that save or cancel
  // drops: this page then keeps its own typing there again, or it would be on no server.
  function hearOtherTabs() {
    window.addEventListener("storage", function (e) {
      if (!e.key || e.key.indexOf(pagesPrefix()) !== 0 || e.key === pageKey() || !editForm) { return; }
      var now = null;
      try { now = JSON.parse(e.newValue || "null"); } catch (err) { return; }
      if (now && now.fields) { typedElsewhere(e.key, now); }
      if ((!now || now.sent) && dirty()) { keepOnServer(); }
    });
  }

  // pollLive asks every few seconds who else is editing the draft and whether a newer version
  // has been saved, and says so above the text.
  function pollLive() {
    if (ws.dataset.live !== "on") { return; }
    var next = function () { setTimeout(pollLive, POLL_EVERY); };
    if (document.hidden) { next(); return; }
    sendJSON("/live").then(function (st) {
      // Signed in again since the page found itself signed out: its forms take the new token.
      if (toldSignedOut) { freshToken(); }
      toldSignedOut = "";
      showLive(st);
    }, function (code) {
      // Any other failure passes: the next poll tries again.
      if (code === 401) { signedOut(); }
    }).then(next);
  }

  // freshToken reads the form token of the viewer's sign-in from the page as the server gives it
  // now, and gives it to every form of this page when it is not the one they have: signing in
  // again (in another tab) begins a new sign-in, with a new token. It resolves to the new token,
  // or "" when the forms' is still good, none could be read, or the page's viewer is now someone
  // else.
  function freshToken() {
    var had = $("#workspace input[name=csrf]");
    return fetch(draftPath(), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (res) { return res.ok ? res.text() : ""; })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html"), them = $("#workspace", doc);
        var now = $("#workspace input[name=csrf]", doc);
        // Someone else signed in in this browser: their token is not for this page's forms.
        if (!had || !now || now.value === had.value || !them || them.dataset.user !== ws.dataset.user) { return ""; }
        $$("input[name=csrf]").forEach(function (input) { input.value = now.value; });
        return now.value;
      }, function () { return ""; });
  }

  // signedOut says, as soon as the page finds that the sign-in has ended (it expired, or was
  // signed out elsewhere), what that means for the typing: a save now would not be done.
  // It says each thing once, until the server answers the page again.
  function signedOut() {
    var says = dirty() ? "You are signed out: your changes are kept in this browser only. Save, sign in again when asked, and the draft offers them back." :
      "You are signed out: sign in again to go on working on this piece.";
    if (toldSignedOut === says) { return; }
    toldSignedOut = says;
    status(says, true);
  }

  var toldSignedOut = "";

  function showLive(st) {
    var box = document.getElementById("ws-live"), names = (st.editors || []).map(function (e) { return e.person.name; });
    var moved = !!st.stage && st.stage !== ws.dataset.stage;
    // Once the piece is at a stage where the viewer may not edit it, the server refuses their
    // working copy: their typing stays in the page and in this browser only.
    movedAway = moved && !st.editable;
    // says is what the box says: words, and the people it names as {name}, each shown in a
    // <bdi> as the page's own markup shows them, so that a name cannot turn the words after it.
    var says = [];
    var sentence = function (parts) { if (says.length) { says.push(" "); } says.push.apply(says, parts); };
    if (moved) { sentence([movedNotice(st)]); }
    if (names.length) {
      var who = [];
      names.forEach(function (name, i) { if (i) { who.push(", "); } who.push({ name: name }); });
      sentence(who.concat((names.length === 1 ? " is" : " are") + " editing this piece."));
    }
    var newer = st.version > Number(ws.dataset.version);
    if (newer) {
      sentence(["Version " + st.version + " was saved"].concat(st.updated_by ? [" by ", { name: st.updated_by.name }] : [],
        "." + (editing() && !movedAway ? " Your save will be merged with it." : "")));
    }
    // The forms of a page shown at another stage are out of date: only a reload brings the
    // ones the viewer may use now, and it is offered unless it would take unsaved typing away.
    var offer = moved ? (editForm && movedAway && dirty() ? "" : "Reload") : (newer && !editing() ? "Show it" : "");
    var text = says.map(function (part) { return typeof part === "string" ? part : part.name; }).join("");
    if (box.dataset.said === text + "|" + offer) { return; }
    box.dataset.said = text + "|" + offer;
    box.textContent = "";
    box.hidden = !text;
    box.classList.toggle("ws-moved", moved);
    if (!text) { return; }
    var p = document.createElement("p");
    says.forEach(function (part) {
      if (typeof part === "string") { p.appendChild(document.createTextNode(part)); return; }
      var name = document.createElement("bdi");
      name.textContent = part.name;
      p.appendChild(name);
    });
    box.appendChild(p);
    if (!offer) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = offer;
    button.addEventListener("click", moved ? function () {
      location.assign(draftPath() + location.hash);
    } : function () {
      fetchPage(draftPath() + threadsShown(), {}, null).then(function () { box.hidden = true; box.dataset.said = ""; });
    });
    box.appendChild(button);
  }

  // movedNotice says, in the workflow's words, that the piece moved to another stage than the
  // page shows and what that means for the viewer: whether they may still edit it, and where
  // their unsaved typing is.
  function movedNotice(st) {
    var says = "This piece has moved to the " + stageLabel(st.stage) + " stage";
    if (editForm && !st.editable && dirty()) {
      return says + ", so you can no longer save your changes to it. They stay on this page, and this browser keeps a copy: " +
        "copy what you need, then reload to see what you may do now.";
    }
    if (editForm && !st.editable) { return says + ", so you can no longer edit it. Reload to see what you may do now."; }
    if (!editForm && st.editable) { return says + ": you can edit it now. Reload to start."; }
    return says + ". Reload to see what you may do now.";
  }

  // stageLabel is the workflow's label of a stage, which the page carries for every stage.
  function stageLabel(stage) {
    if (!stageLabels) {
      var data = document.getElementById("stage-labels");
      try { stageLabels = JSON.parse(data.textContent); } catch (err) { stageLabels = {}; }
    }
    return stageLabels[stage] || stage.replace(/_/g, " ");
  }

  var stageLabels = null, movedAway = false;

  // ---- The side pane's forms, sent without leaving the page ----

  // messageOf is the message a page answered with, from its messages only: the notes in the
  // page's head (a quote problem) are not an answer.
  function messageOf(doc) {
    var m = $("#ws-messages .flash, #ws-messages .warning, #ws-messages .error", doc);
    return m ? { text: m.textContent.trim(), error: !m.classList.contains("flash") } : null;
  }

  // apply brings a page the server answered into this one: the panel the form sent belongs to
  // (without one, a newer version shown, every panel), the actions and the tabs' counts, and,
  // unless the text is being edited, the text's highlights. A form of a replaced panel that is
  // being typed in stays as it is, with the keyboard in it, in place of its new copy.
  function apply(doc, panel, sent) {
    var active = document.activeElement, range = selectionOf(active);
    (panel ? [panel] : $$(".ws-panel", ws)).forEach(function (el) {
      var fresh = doc.getElementById(el.id);
      if (fresh) { replacePanel(el, fresh, sent); }
    });
    if (active && active !== document.body && active.isConnected && document.activeElement !== active) {
      active.focus({ preventScroll: true });
      if (range) { active.setSelectionRange(range[0], range[1]); }
    }
    var actions = $(".ws-actions"), newActions = $(".ws-actions", doc);
    if (newActions && untouched(actions)) { actions.innerHTML = newActions.innerHTML; }
    // Each tab's words come from the new page: its count, and what waits there for the viewer
    // (the quotes left to check), which a form of its panel has just changed; so do the header's
    // counts of the inbox and the unread notifications, which that form may have changed too.
    tabs.forEach(function (t) { sameAs(t.tab, $('.ws-tabs a[href="#' + t.key + '"]', doc)); });
    sameAs($("header .inbox-link"), $("header .inbox-link", doc));
    sameAs($("header .bell"), $("header .bell", doc));
    if (editing()) {
      newerText = doc;
    } else {
      showText(doc);
    }
    $$("#ws-messages > *").forEach(function (m) { m.remove(); });
    layoutThreads();
  }

  // sameAs gives link the words and accessible name of its copy on a page the server answered.
  function sameAs(link, copy) {
    if (!link || !copy) { return; }
    link.innerHTML = copy.innerHTML;
    if (copy.hasAttribute("aria-label")) { link.setAttribute("aria-label", copy.getAttribute("aria-label")); } else { link.removeAttribute("aria-label"); }
  }

  // newerText is the last page a side-pane form brought while the text was being edited: the
  // threads beside the text already speak of its version, so cancelling the edit shows its text.
  var newerText = null;

  // showText brings doc's text, with its highlights and fields, its meta line and its version
  // into this page. The action forms act on the version shown: one being typed in, kept as it
  // was (see apply), would otherwise approve or publish the text this replaced, and be refused.
  function showText(doc) {
    var newTitle = $(".ws-title", doc), newText = $("#text", doc), meta = $(".ws-head .meta", doc), version = $("#workspace", doc).dataset.version;
    if (newText) {
      text.innerHTML = newText.innerHTML;
      if (title && newTitle) { title.innerHTML = newTitle.innerHTML; }
      fieldTexts = null;
      fieldMarks = null;
    }
    if (meta) { $(".ws-head .meta").innerHTML = meta.innerHTML; }
    if (editForm && $("input[name=version]", doc)) { editForm.elements.version.value = version; }
    $$(".ws-actions form:not([data-keep-with]) input[name=version]").forEach(function (v) { v.value = version; });
    ws.dataset.version = version;
    newerText = null;
  }

  // replacePanel gives el the content of fresh, keeping each of its forms being typed in, but
  // sent, the form just sent: in place of its copy in fresh, or, fresh having none, beside it
  // (see keepOrphan). The floating comment form belongs to the comments panel.
  function replacePanel(el, fresh, sent) {
    var floating = el.id === "comments" ? floatingForm() : null;
    var kept = $$("form", el).concat(floating ? [floating] : []).filter(function (f) { return f !== sent && !untouched(f); });
    var keys = kept.map(function (f) { return formKey(f, f === floating ? compose : el); });
    if (floating && kept.indexOf(floating) < 0) { putBackCompose(); }
    el.innerHTML = fresh.innerHTML;
    kept.forEach(function (f, i) {
      var twin = $$("form", el).filter(function (n) { return formKey(n, el) === keys[i]; })[0];
      if (f === floating) {
        if (twin) { twin.remove(); }
        return;
      }
      if (!twin) {
        keepOrphan(el, f);
        return;
      }
      twin.replaceWith(f);
      var details = f.closest("details");
      if (details) { details.open = true; }
    });
    if (el.id === "comments") {
      countFold();
      offerFolded();
      compactThreads();
    }
  }

  // keepOrphan puts back into the panel el a form typed in that its new content has no copy of
  // (its thread folded or deleted, or the form no longer offered there), in its thread if the
  // panel still shows it or else with the thread as it was, and says why it is there, so that
  // what was typed is kept where it can be sent or copied. A thread kept apart has a Discard,
  // which asks first: nothing else takes it away while it holds typing.
  function keepOrphan(el, form) {
    var thread = form.closest(".comment"), home = thread && document.getElementById(thread.id);
    var gone = !!thread && !home && foldedThreads().indexOf(thread.dataset.comment) < 0;
    var note = document.createElement("p");
    note.className = "hint ws-kept-note";
    note.textContent = home || !thread ? "Kept because you typed in it, though the page no longer offers this form: sending it may be refused." :
      gone ? "Kept because you typed in it, though this thread has since been deleted: it cannot be sent, so copy what you need." :
      "Kept because you typed in it, though the page no longer shows this thread.";
    // A deleted thread's buttons would only be refused.
    if (gone) { $$("button", thread).forEach(function (b) { b.disabled = true; }); }
    if (home) {
      home.append(note, form);
      activateThread(home);
      return;
    }
    var box = document.createElement("div"), threads = $("#threads", el), fold = $("#resolved-threads", el);
    box.className = "ws-kept";
    box.append(note, thread || form);
    if (thread && threads) {
      box.append(discardKept(box, form));
      threads.insertBefore(box, fold && fold.parentNode === threads ? fold : null);
      activateThread(thread);
    } else {
      el.appendChild(box);
    }
  }

  // discardKept is the Discard of the thread keepOrphan keeps apart in box, with form typed in:
  // asked, it forgets the typing, here and in this browser's keeping, and the thread goes.
  function discardKept(box, form) {
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Discard what you typed";
    discard.addEventListener("click", function () {
      var words = $$("input[name=body], textarea[name=body]", form).map(function (f) { return f.value.trim(); }).join(" ");
      if (!window.confirm("Throw away what you typed, “" + clip(words) + "”? It cannot be brought back.")) { return; }
      try { if (form.dataset.keepAs) { localStorage.removeItem(form.dataset.keepAs); } } catch (err) { /* Storage refused keeps its copy. */ }
      var threads = box.parentNode;
      box.remove();
      countFold();
      threads.tabIndex = -1;
      threads.focus();
      status("Discarded what you typed.");
    });
    return discard;
  }

  // formKey names a form so that its copy in a newer page is found: by its id, or by where it
  // sends and its place among the panel's forms that send there.
  function formKey(form, root) {
    var name = function (f) { return f.id || f.getAttribute("action"); };
    var same = $$("form", root).filter(function (f) { return name(f) === name(form); });
    return name(form) + " " + same.indexOf(form);
  }

  function selectionOf(el) {
    try {
      return el && typeof el.selectionStart === "number" ? [el.selectionStart, el.selectionEnd] : null;
    } catch (err) {
      return null;
    }
  }

  // untouched reports whether nothing in el has focus or has been changed.
  function untouched(el) {
    return !el.contains(document.activeElement) && !$$("input, textarea, select", el).some(changed);
  }

  // fetchPage brings the page at url into this one (see apply) and says how it went. place is,
  // for a form's answer, the id of the element the keyboard goes back to: it is focused before
  // the outcome is said, so that nothing moves after it.
  function fetchPage(url, init, panel, place, sent) {
    if (panel) { panel.setAttribute("aria-busy", "true"); }
    return fetch(url, Object.assign({ credentials: "same-origin", headers: { Accept: "text/html" } }, init))
      .then(function (res) { return res.text().then(function (html) { return { res: res, doc: new DOMParser().parseFromString(html, "text/html") }; }); })
      .then(function (r) {
        // A form refused because the sign-in it was made in has ended, and another begun (signed
        // in again in another tab, as the page asks), was not done: it goes again, once, with
        // the new sign-in's token.
        if (r.res.status === 403 && init.body) {
          return freshToken().then(function (token) {
            if (!token) { return r; }
            init.body.set("csrf", token);
            return fetch(url, Object.assign({ credentials: "same-origin", headers: { Accept: "text/html" } }, init))
              .then(function (res) { return res.text().then(function (html) { return { res: res, doc: new DOMParser().parseFromString(html, "text/html") }; }); });
          });
        }
        return r;
      })
      .then(function (r) {
        var msg = messageOf(r.doc);
        if (!$("#workspace", r.doc)) {
          // A sign-in that ended (signed out elsewhere, expired) answers with the sign-in page,
          // whose heading alone ("Not done: Sign in") would not say what happened.
          if ($('form[action="/login"]', r.doc)) {
            status("Not done: you are signed out. Sign in again in another tab, then send this again: what you typed is still here.", true);
            return false;
          }
          // An error page says what went wrong in its message; its heading only names the status.
          var why = $("main .error", r.doc) || $("main p, h1", r.doc);
          status("Not done: " + (why ? why.textContent.trim() : "the server answered " + r.res.status + "."), true);
          return false;
        }
        // A refusal leaves the page as it was, the form sent with its typing, unless the answer
        // brings that form back made on what its panel now shows (data-retried: a quote whose
        // words changed since the page was opened), typing and all, or the quote's row without
        // it (the change took the form away; the message holds the typing): then the panel comes
        // too, so that the words a verdict is sent on again are the words shown, and a form the
        // quote no longer has is not left to be sent in vain.
        var refused = !!(msg && msg.error);
        if (refused && !(sent && panel && $("#" + panel.id + " [data-retried]", r.doc))) { status(msg.text, true); return false; }
        apply(r.doc, panel, sent);
        // The keyboard, if it was on the form sent, goes to its place; if it is in a form being
        // typed in, it stays there.
        if (place !== undefined && (!document.activeElement || document.activeElement === document.body)) { refocus(place || newestThread(), panel.id); }
        status(msg ? msg.text : "Updated.", refused);
        return !refused;
      })
      .catch(function () { status("Not sent: the server could not be reached. Try again.", true); return false; })
      .then(function (ok) {
        if (panel) { panel.removeAttribute("aria-busy"); }
        // The server has what the form sent: the copy leaving.js kept of it is done with. A send
        // not through leaves it unsent, for no other page's message to take as done.
        if (sent && sent.dataset.keepAs) {
          try {
            var kept = JSON.parse(localStorage.getItem(sent.dataset.keepAs) || "null");
            if (ok) { localStorage.removeItem(sent.dataset.keepAs); } else if (kept) { kept.sent = false; localStorage.setItem(sent.dataset.keepAs, JSON.stringify(kept)); }
          } catch (err) { /* Nothing was kept. */ }
        }
        return ok;
      });
  }

  function newestThread() {
    var ids = $$("#threads .comment").map(function (el) { return Number(el.id.replace("comment-", "")) || 0; });
    return ids.length ? "comment-" + Math.max.apply(null, ids) : "comments";
  }

  // refocus puts the keyboard's focus back on the element of that id, or, if it is gone (a
  // deleted comment), on the element of the fallback id.
  function refocus(id, fallback) {
    var el = document.getElementById(id) || document.getElementById(fallback);
    if (!el) { return; }
    if (!el.matches("a[href], button, input, select, textarea, [tabindex]")) { el.tabIndex = -1; }
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  function initForms() {
    document.addEventListener("submit", function (e) {
      var form = e.target;
      if (form.id !== "comment-form" && !form.closest("#side")) { return; }
      e.preventDefault();
      var panel = form.id === "comment-form" ? document.getElementById("comments") : form.closest(".ws-panel");
      var body = new URLSearchParams(new FormData(form));
      // A comment form returns to the page showing the resolved threads the panel shows now,
      // which a load in place may have changed since the form was made: a page folding one would
      // take from this one a reply being typed in it.
      if (form.id === "comment-form" || form.closest("#comments")) {
        body.delete("shown");
        if (threadsShown()) { body.set("shown", threadsShown().slice(1)); }
      }
      if (e.submitter && e.submitter.name) { body.append(e.submitter.name, e.submitter.value); }
      // Only the buttons that could be pressed are held while it is sent: one disabled in the
      // page (the quote form's first, which keeps Enter from picking a verdict) stays so.
      var buttons = $$("button", form).filter(function (b) { return !b.disabled; });
      buttons.forEach(function (b) { b.disabled = true; });
      var get = form.method.toLowerCase() === "get";
      var url = get ? form.action.split("#")[0] + "?" + body.toString() : form.action;
      // The keyboard's place is the thread or quote the form belongs to (or, for a new comment,
      // the new thread): the panel is replaced under it.
      var place = form.id === "comment-form" ? "" : (form.parentElement.closest("[id]") || panel).id;
      fetchPage(url, get ? {} : { method: "POST", body: body }, panel, place, form).then(function () {
        buttons.forEach(function (b) { b.disabled = false; });
      });
    });
    // A link to this page with another query (older history, a kind of quotes) replaces only
    // its panel. The link goes with the panel, so the keyboard, if it was on it, goes to the
    // section the link belonged to rather than to the top of the page. A link marked
    // data-reload (see offerFolded) loads the whole page, whose forms offer back what they kept.
    $("#side").addEventListener("click", function (e) {
      var a = e.target.closest("a[href]");
      if (!a || a.pathname !== draftPath() || a.getAttribute("href").charAt(0) === "#" || a.hasAttribute("data-reload") || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
      e.preventDefault();
      var panel = a.closest(".ws-panel");
      fetchPage(a.pathname + a.search, {}, panel, (a.parentElement.closest("[id]") || panel).id);
    });
  }

  // initLeaving asks before the page is left with typing that is not saved or sent: in the edit
  // form or in any other form of the page. A form sent the ordinary way leaves the page with its
  // typing; it is registered after initForms, whose forms are sent in the background. Another
  // form than the text's sent so (the lead image's) leaves without asking, so the text's typing
  // is kept at once, not a debounce later, which the page leaving would skip, to be offered back
  // on the page the form leads to.
  function initLeaving() {
    document.addEventListener("submit", function (e) {
      if (e.defaultPrevented) { return; }
      submitting = true;
      if (e.target !== editForm && dirty()) { keepTyping(false); }
    });
    // A send stopped (Esc, the browser's stop button) leaves the page with its typing unsent.
    if (window.navigation) {
      window.navigation.addEventListener("navigateerror", function () { submitting = false; });
    }
    window.addEventListener("beforeunload", function (e) {
      if (!submitting && (dirty() || $$("form").some(typedIn))) {
        e.preventDefault();
        e.returnValue = "";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    ws = document.getElementById("workspace");
    if (!ws) { return; }
    text = document.getElementById("text");
    title = $(".ws-title", ws);
    statusEl = document.getElementById("ws-status");
    storeKey = "copydesk:draft:" + ws.dataset.draft + ":user:" + ws.dataset.user;
    initTabs();
    initEditing();
    initSelection();
    initLinks();
    keepBarsClear();
    toRefused();
    initForms();
    initLeaving();
    hearOtherTabs();
    offerFolded();
    compactThreads();
    // A thread whose reply leaving.js offers back opens, so that the offer stays where it shows.
    var offer = $("#threads .comment [data-offer]");
    if (offer) { offer.closest(".comment").classList.add("ws-active"); }
    layoutThreads();
    reachThread();
    pollLive();
  });
})();

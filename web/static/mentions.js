// mentions.js completes @names on the draft page. Typing @ and the start of a name in a comment,
// a reply or a workflow note offers, under the field, the people who may read the piece (the
// server's /drafts/ID/people answers only with them) as a list box: the arrow keys move through
// it, Enter or Tab puts the name in, Escape closes it, and a click picks one too. The field
// keeps the focus throughout and names the highlighted person with aria-activedescendant. The
// forms work as before without it: a name typed in full is a mention all the same.
(function () {
  "use strict";
  var FIELDS = 'form[action$="/comments"] [name="body"], form[action*="/comments/"] [name="body"], form[action$="/transition"] [name="note"]';
  var TYPED = /(^|[^A-Za-z0-9._@-])@([A-Za-z0-9._-]+)$/;
  var draftID, box, announce, field, people = [], active = -1, asked = 0, timer, picked = false;

  function init() {
    var ws = document.getElementById("workspace");
    if (!ws) { return; }
    draftID = ws.getAttribute("data-draft");
    box = document.createElement("ul");
    box.id = "mention-list";
    box.className = "mention-list";
    box.setAttribute("role", "listbox");
    box.setAttribute("aria-label", "People who may read this piece");
    box.hidden = true;
    announce = document.createElement("p");
    announce.className = "visually-hidden";
    announce.setAttribute("role", "status");
    document.body.appendChild(announce);
    document.addEventListener("input", onInput);
    document.addEventListener("keydown", onKey, true);
    // A keypress of the Enter that picked a name would send the form where a browser (or a
    // driver of one) still delivers it after the keydown was handled, so it is dropped.
    document.addEventListener("keypress", function (e) {
      if (picked && e.key === "Enter") { e.preventDefault(); e.stopPropagation(); }
      picked = false;
    }, true);
    document.addEventListener("keyup", function () { picked = false; }, true);
    document.addEventListener("focusout", function (e) {
      if (e.target === field) { setTimeout(close, 150); }
    });
    box.addEventListener("mousedown", function (e) { e.preventDefault(); });
    box.addEventListener("click", function (e) {
      var li = e.target.closest("[role=option]");
      if (li) { pick(Number(li.getAttribute("data-index"))); }
    });
  }

  // typed is the @name being typed just before the caret of f, or null.
  function typed(f) {
    if (f.selectionStart !== f.selectionEnd) { return null; }
    var m = TYPED.exec(f.value.slice(0, f.selectionStart));
    return m ? m[2] : null;
  }

  function onInput(e) {
    if (!e.target.matches || !e.target.matches(FIELDS)) { return; }
    var f = e.target, prefix = typed(f);
    if (prefix === null) { close(); return; }
    clearTimeout(timer);
    timer = setTimeout(function () { ask(f, prefix); }, 120);
  }

  // ask fetches the people whose names begin with prefix; an answer to an older question, or
  // one that comes after the typing moved on, is dropped.
  async function ask(f, prefix) {
    var n = ++asked;
    var people;
    try {
      var res = await fetch("/drafts/" + draftID + "/people?q=" + encodeURIComponent(prefix), {
        headers: { Accept: "application/json" }, credentials: "same-origin"
      });
      if (!res.ok) { close(); return; }
      people = await res.json();
    } catch (err) {
      close();
      return;
    }
    if (n !== asked || document.activeElement !== f || typed(f) !== prefix) { return; }
    open(f, people);
  }

  function open(f, found) {
    if (!found.length) { close(); announce.textContent = "No one by that name may read this piece."; return; }
    field = f;
    people = found;
    box.textContent = "";
    found.forEach(function (p, i) {
      var li = document.createElement("li");
      li.id = "mention-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("data-index", String(i));
      li.setAttribute("aria-selected", "false");
      // The name is isolated, as the pages isolate names, so that one stored with a direction it
      // leaves open cannot turn the @username after it.
      var name = document.createElement("bdi");
      name.textContent = p.name;
      var user = document.createElement("span");
      user.className = "muted";
      user.textContent = " @" + p.username;
      li.appendChild(name);
      li.appendChild(user);
      box.appendChild(li);
    });
    // The list goes after the field's label, where there is one, so that it is not read as
    // part of the label's name and a click on it does not count as one on the label.
    var at = f.closest("label") || f;
    if (at.nextSibling !== box) { at.after(box); }
    box.hidden = false;
    f.setAttribute("aria-controls", box.id);
    f.setAttribute("aria-autocomplete", "list");
    highlight(0);
    announce.textContent = found.length + (found.length === 1 ? " person" : " people") +
      " found. Up and down to choose, Enter to put the name in.";
  }

  function highlight(i) {
    active = i;
    Array.from(box.children).forEach(function (li, j) {
      li.setAttribute("aria-selected", j === i ? "true" : "false");
      li.classList.toggle("active", j === i);
    });
    field.setAttribute("aria-activedescendant", "mention-option-" + i);
  }

  function close() {
    if (!box || box.hidden) { return; }
    box.hidden = true;
    active = -1;
    if (field) {
      field.removeAttribute("aria-activedescendant");
      field.removeAttribute("aria-controls");
    }
  }

  // pick puts person i's @username in place of the name being typed, and a space after it.
  function pick(i) {
    var p = people[i], f = field;
    if (!p || !f) { return; }
    var before = f.value.slice(0, f.selectionStart), after = f.value.slice(f.selectionEnd);
    var start = before.lastIndexOf("@");
    var put = "@" + p.username + " ";
    f.value = before.slice(0, start) + put + after;
    f.selectionStart = f.selectionEnd = start + put.length;
    close();
    announce.textContent = p.name + " mentioned.";
    f.focus();
    f.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // onKey works the list while it is open; it listens before the page's other keys, so Enter
  // does not send the form and Escape closes only the list.
  function onKey(e) {
    if (box.hidden || e.target !== field) { return; }
    var n = people.length;
    switch (e.key) {
      case "ArrowDown": highlight((active + 1) % n); break;
      case "ArrowUp": highlight((active - 1 + n) % n); break;
      case "Enter": case "Tab": picked = e.key === "Enter"; pick(active); break;
      case "Escape": close(); break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());

// leaving.js asks before a page is left with words typed into a form marked data-leave-asks and
// not sent: the new draft's form, whose text exists nowhere else until it is created. Sending
// another form of the page (Sign out) leaves it too, and asks as well. What is typed into a form
// with a data-keep-as key (the new draft's, and the draft page's comment, reply, quote note, action
// note and correction forms) is also kept in this browser under that key until the server has it
// (the page saying that send was done, which names the copy, forgets it; this script is on every
// page of the app, so wherever the answer lands),
// so that a page left, reloaded or closed by a crash, or a send that did not go through (the
// sign-in had ended, the server could not be reached or failed) loses nothing: the form, opened
// again, offers it back, and typing beside the offer keeps the copy offered apart rather than
// writing over it. A copy keeps too the hidden fields its form names in data-keep-with, which say
// what the typing was made against, and Restore puts them back: a correction's version, so that
// the server refuses one made on a body corrected since rather than undoing that correction; a
// quote form's words and speaker as the page showed them, so that a verdict or note on a quote
// changed since is refused rather than given to words never read; a comment's anchor, so that it
// goes on the words it was typed on; the new draft's one-time token,
// so that a send whose answer was lost may have created the draft, and sending the copy again then
// answers with that draft (or, changed, is refused naming it) rather than making a second. Enter in
// one of its one-line fields (the title) goes on to the next field, as in the draft page's
// editor, rather than creating the draft from its first line; and Ctrl+S (Cmd+S) creates it, as
// it saves in that editor.
(function () {
  "use strict";
  var sending = false;

  // fields are the form's fields that take typing, by name.
  function fields(form) {
    return Array.from(form.elements).filter(function (f) {
      return f.name && (f.tagName === "TEXTAREA" || (f.tagName === "INPUT" && ["text", "search", "email", "url"].indexOf(f.type) >= 0));
    });
  }

  function typedIn(form) {
    return fields(form).some(function (f) { return f.value.trim() !== ""; });
  }

  // worthKeeping reports whether the form holds typing: for a form that starts with words of the
  // page's (a correction starts from the body), words other than those.
  function worthKeeping(form) {
    return form.hasAttribute("data-leave-asks") ? typedIn(form) :
      fields(form).some(function (f) { return f.value.trim() !== "" && f.value !== f.defaultValue; });
  }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (err) { return null; }
  }

  function write(key, entry) {
    try {
      if (entry) { localStorage.setItem(key, JSON.stringify(entry)); } else { localStorage.removeItem(key); }
    } catch (err) { /* A full or refused storage leaves the page as it would be without it. */ }
  }

  // based are the hidden fields the form names in data-keep-with: what its typing was made against.
  function based(form) {
    return (form.dataset.keepWith || "").split(/\s+/).filter(Boolean).map(function (name) {
      return form.elements.namedItem(name);
    }).filter(function (f) { return f && f.name; });
  }

  // snapshot is a copy of the form's typing, with what it was made against and whether a send
  // carried that (the form's data-base-sent).
  function snapshot(form) {
    var values = {}, base = based(form), entry = { at: Date.now(), fields: values };
    fields(form).forEach(function (f) { values[f.name] = f.value; });
    if (base.length) {
      entry.base = {};
      base.forEach(function (f) { entry.base[f.name] = f.value; });
      entry.baseSent = form.dataset.baseSent === "true";
    }
    return entry;
  }

  // keep stores the form's typing; sent marks the copy of a send under way.
  function keep(form, sent) {
    if (sent && based(form).length) { form.dataset.baseSent = "true"; }
    var entry = snapshot(form);
    entry.sent = sent;
    write(form.dataset.keepAs, worthKeeping(form) ? entry : null);
  }

  // asides are the copies offered and neither restored nor discarded when typing went on beside
  // them: the typing kept under the form's key takes their place, so they are kept under their own.
  function asides(form) {
    var list = read(form.dataset.keepAs + ":aside");
    return Array.isArray(list) ? list.filter(function (e) { return e && e.fields; }) : [];
  }

  function keepAsides(form, list) { write(form.dataset.keepAs + ":aside", list.length ? list : null); }

  // forget forgets a copy offered, wherever it is kept.
  function forget(form, entry) {
    keepAsides(form, asides(form).filter(function (e) { return e.at !== entry.at; }));
    var kept = read(form.dataset.keepAs);
    if (kept && kept.at === entry.at) { write(form.dataset.keepAs, null); }
  }

  // offeredKept is, by form key, the copy kept under it that the page offers, until typing starts.
  var offeredKept = {};

  // says is what an offer of the copy entry of the form says.
  function says(form, entry) {
    if (form.hasAttribute("data-leave-asks")) {
      var title = (entry.fields.title || "").trim();
      return "Restore the new draft you were typing" + (title ? ", “" + title + "”" : "") + "?" + (entry.baseSent ?
        " It was sent and may have been created; sending it again will not make a second one." : " It was not created.");
    }
    var words = Object.keys(entry.fields).map(function (k) { return entry.fields[k].trim(); }).filter(Boolean).pop() || "";
    return "Restore what you typed here, “" + (words.length > 60 ? words.slice(0, 60) + "…" : words) + "”? It was not sent.";
  }

  // offer offers back each copy kept for the form that differs from what the form holds. Restoring
  // one puts it in the form and sets aside what the form held (or, empty, the copy it replaces
  // under the form's key), so that nothing typed is lost.
  function offer(form) {
    var key = form.dataset.keepAs;
    Array.from(document.querySelectorAll(".warning[data-offer]")).forEach(function (box) { if (box.dataset.offer === key) { box.remove(); } });
    var kept = read(key);
    delete offeredKept[key];
    asides(form).concat(kept && kept.fields ? [kept] : []).forEach(function (entry) {
      if (!fields(form).some(function (f) { return f.name in entry.fields && entry.fields[f.name] !== f.value; })) { return; }
      if (entry === kept) { offeredKept[key] = kept; }
      var box = document.createElement("div");
      box.className = "warning";
      box.setAttribute("data-offer", key);
      box.setAttribute("role", "alert");
      box.innerHTML = "<p></p><button type=\"button\">Restore</button> <button type=\"button\">Discard</button>";
      box.firstChild.textContent = says(form, entry);
      var buttons = box.querySelectorAll("button");
      buttons[0].addEventListener("click", function () {
        var held = worthKeeping(form) ? snapshot(form) : read(key);
        forget(form, entry);
        fields(form).forEach(function (f) { if (f.name in entry.fields) { f.value = entry.fields[f.name]; } });
        if (entry.base) {
          based(form).forEach(function (f) { if (f.name in entry.base) { f.value = entry.base[f.name]; } });
          form.dataset.baseSent = String(!!entry.baseSent);
        }
        if (held && held.fields && held.at !== entry.at) { keepAsides(form, asides(form).concat([held])); }
        keep(form, false);
        offer(form);
        fields(form).filter(function (f) { return f.name in entry.fields; })[0].focus();
      });
      buttons[1].addEventListener("click", function () {
        forget(form, entry);
        box.remove();
      });
      form.parentNode.insertBefore(box, form);
      // A form folded away (a comment's Edit) opens to show its offer.
      var folded = form.closest("details");
      if (folded) { folded.open = true; }
    });
  }

  // setAside keeps the copy offered from under the form's key under its own once typing starts,
  // which the form's key then keeps.
  function setAside(form) {
    var entry = offeredKept[form.dataset.keepAs];
    if (!entry) { return; }
    delete offeredKept[form.dataset.keepAs];
    keepAsides(form, asides(form).filter(function (e) { return e.at !== entry.at; }).concat([entry]));
  }

  // A form that creates something is sent once: over a slow link a second send (a double click,
  // Ctrl+S pressed again) would create it twice. A page shown again from the browser's history,
  // its send not through, may send it again.
  document.addEventListener("submit", function (e) {
    if (e.defaultPrevented || !e.target.hasAttribute("data-leave-asks")) { return; }
    if (sending) {
      e.preventDefault();
      return;
    }
    sending = true;
  });
  // Once sent, the copy kept is the one marked sent, which the page saying this send was done
  // forgets (and the draft page, sending a form of its side pane in the background, once it is
  // through). The send names the copy in its kept_as field, and the server's answer names it back
  // with the message saying it was done, wherever that answer lands.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.dataset.keepAs || (e.defaultPrevented && form.hasAttribute("data-leave-asks"))) { return; }
    clearTimeout(timers[form.dataset.keepAs]);
    keep(form, true);
    var named = form.elements.namedItem("kept_as");
    if (!named) {
      named = document.createElement("input");
      named.type = "hidden";
      named.name = "kept_as";
      form.appendChild(named);
    }
    named.value = form.dataset.keepAs;
  });
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) { sending = false; }
  });
  // A send stopped (Esc, the browser's stop button) leaves the page where it was, its form not
  // sent: it may be sent again, and leaving it asks again.
  if (window.navigation) {
    window.navigation.addEventListener("navigateerror", function () { sending = false; });
  }
  // oneLineEnter reports whether e is Enter in a one-line field of such a form.
  function oneLineEnter(e) {
    var f = e.target;
    return e.key === "Enter" && !e.isComposing && f.tagName === "INPUT" && !!f.form && f.form.hasAttribute("data-leave-asks");
  }

  document.addEventListener("keydown", function (e) {
    if (!oneLineEnter(e)) { return; }
    e.preventDefault();
    var all = fields(e.target.form), next = all[all.indexOf(e.target) + 1];
    if (next) { next.focus(); }
  });
  document.addEventListener("keydown", function (e) {
    var form = document.querySelector("form[data-keep-as][data-leave-asks]");
    if (form && (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "s" || e.key === "S")) {
      e.preventDefault();
      if (!e.repeat) { form.requestSubmit(); }
    }
  });
  // The form is sent by the key's press, which a browser may deliver even after its keydown was
  // stopped (a key sent by an assistive tool or a test driver), so the press is stopped too.
  document.addEventListener("keypress", function (e) {
    if (oneLineEnter(e)) { e.preventDefault(); }
  });
  window.addEventListener("beforeunload", function (e) {
    if (!sending && Array.from(document.querySelectorAll("form[data-leave-asks]")).some(typedIn)) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  // The forms are found when typed in: the draft page replaces a panel's forms with new copies.
  var timers = {};
  document.addEventListener("input", function (e) {
    var form = e.target.form;
    if (!form || !form.dataset.keepAs || fields(form).indexOf(e.target) < 0) { return; }
    var key = form.dataset.keepAs;
    setAside(form);
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { if (form.isConnected) { keep(form, false); } }, 400);
  });
  document.addEventListener("DOMContentLoaded", function () {
    // A page that says a send was done names the copy of the form sent: that copy, marked sent,
    // is through. Any other copy marked sent (a send that never reached the server) is not. The
    // answer is the page the send's redirect lands on: a message carried to a page opened
    // otherwise (its send's answer lost, the cookies of it kept) leaves the copy to be offered.
    var answered = document.querySelector("main .flash[data-answered]"), came = performance.getEntriesByType("navigation")[0];
    if (answered && came && came.redirectCount > 0) {
      var kept = read(answered.dataset.answered);
      if (kept && kept.sent) { write(answered.dataset.answered, null); }
    }
    Array.from(document.querySelectorAll("form[data-keep-as]")).forEach(offer);
  });
})();

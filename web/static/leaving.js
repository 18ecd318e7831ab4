// leaving.js asks before a page is left with words typed into a form marked data-leave-asks and
// not sent: the new draft's form, whose text exists nowhere else until it is created. Sending
// another form of the page (Sign out) leaves it too, and asks as well. What is typed is also
// kept in this browser under the form's data-keep-as key until the draft page that comes of it
// forgets it, so that a send that did not go through (the sign-in had ended, the server could
// not be reached or failed) loses nothing: the form, opened again, offers it back, and typing
// beside the offer keeps the copy offered apart rather than writing over it. Enter in
// one of its one-line fields (the title) goes on to the next field, as in the draft page's
// editor, rather than creating the draft from its first line; and Ctrl+S (Cmd+S) creates it, as
// it saves in that editor.
(function () {
  "use strict";
  var sending = false;

  function typedIn(form) {
    return Array.from(form.elements).some(function (f) {
      return (f.tagName === "TEXTAREA" || (f.tagName === "INPUT" && f.type !== "hidden")) && f.value.trim() !== "";
    });
  }

  // fields are the form's fields that take typing, by name.
  function fields(form) {
    return Array.from(form.elements).filter(function (f) { return f.name && (f.tagName === "TEXTAREA" || (f.tagName === "INPUT" && f.type !== "hidden")); });
  }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (err) { return null; }
  }

  function write(key, entry) {
    try {
      if (entry) { localStorage.setItem(key, JSON.stringify(entry)); } else { localStorage.removeItem(key); }
    } catch (err) { /* A full or refused storage leaves the page as it would be without it. */ }
  }

  // snapshot is a copy of the form's typing.
  function snapshot(form) {
    var values = {};
    fields(form).forEach(function (f) { values[f.name] = f.value; });
    return { at: Date.now(), fields: values };
  }

  // keep stores the form's typing; sent marks the copy of a send under way.
  function keep(form, sent) {
    var entry = snapshot(form);
    entry.sent = sent;
    write(form.dataset.keepAs, typedIn(form) ? entry : null);
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

  // offeredKept is the copy kept under the form's key that the page offers, until typing starts.
  var offeredKept = null;

  // offer offers back each copy kept for the form that differs from what the form holds. Restoring
  // one puts it in the form and sets aside what the form held (or, empty, the copy it replaces
  // under the form's key), so that nothing typed is lost.
  function offer(form) {
    Array.from(document.querySelectorAll(".warning[data-offer]")).forEach(function (box) { box.remove(); });
    var kept = read(form.dataset.keepAs);
    offeredKept = null;
    asides(form).concat(kept && kept.fields ? [kept] : []).forEach(function (entry) {
      if (!fields(form).some(function (f) { return f.name in entry.fields && entry.fields[f.name] !== f.value; })) { return; }
      if (entry === kept) { offeredKept = kept; }
      var box = document.createElement("div");
      box.className = "warning";
      box.setAttribute("data-offer", "");
      box.setAttribute("role", "alert");
      box.innerHTML = "<p></p><button type=\"button\">Restore</button> <button type=\"button\">Discard</button>";
      var title = (entry.fields.title || "").trim();
      box.firstChild.textContent = "Restore the new draft you were typing" + (title ? ", “" + title + "”" : "") + "? It was not created.";
      var buttons = box.querySelectorAll("button");
      buttons[0].addEventListener("click", function () {
        var held = typedIn(form) ? snapshot(form) : read(form.dataset.keepAs);
        forget(form, entry);
        fields(form).forEach(function (f) { if (f.name in entry.fields) { f.value = entry.fields[f.name]; } });
        if (held && held.fields && held.at !== entry.at) { keepAsides(form, asides(form).concat([held])); }
        keep(form, false);
        offer(form);
        fields(form)[0].focus();
      });
      buttons[1].addEventListener("click", function () {
        forget(form, entry);
        box.remove();
      });
      form.parentNode.insertBefore(box, form);
    });
  }

  // setAside keeps the copy offered from under the form's key under its own once typing starts,
  // which the form's key then keeps.
  function setAside(form) {
    if (!offeredKept) { return; }
    var entry = offeredKept;
    offeredKept = null;
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
    if (e.target.dataset.keepAs) { keep(e.target, true); }
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
    var form = document.querySelector("form[data-keep-as]");
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
  document.addEventListener("DOMContentLoaded", function () {
    Array.from(document.querySelectorAll("form[data-keep-as]")).forEach(function (form) {
      var t;
      form.addEventListener("input", function () {
        setAside(form);
        clearTimeout(t);
        t = setTimeout(function () { keep(form, false); }, 400);
      });
      // Once sent, the copy kept is the one marked sent, which the draft page forgets.
      form.addEventListener("submit", function () { clearTimeout(t); });
      offer(form);
    });
  });
})();

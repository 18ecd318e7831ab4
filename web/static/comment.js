// comment.js turns a selection in a draft's text into the anchor of a new comment: the exact
// words, 32 code points of text before and after them, and their range in code points of the
// field's text (the body's paragraphs joined with "\n"), as the server counts them. Without
// JavaScript the comment form still works from the exact words typed in.
(function () {
  "use strict";
  var CONTEXT = 32;

  function codePoints(s) { return Array.from(s); }

  // offsetIn returns the code-point offset, within its field, of a point (node, offset) inside
  // a paragraph element that carries data-start.
  function offsetIn(para, node, offset) {
    var r = document.createRange();
    r.selectNodeContents(para);
    r.setEnd(node, offset);
    return Number(para.dataset.start) + codePoints(r.toString()).length;
  }

  function paragraphOf(node) {
    var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el ? el.closest("[data-field] p[data-start]") : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("comment-form");
    var data = document.getElementById("field-texts");
    if (!form || !data) { return; }
    var texts = JSON.parse(data.textContent);
    var hint = document.getElementById("comment-hint");

    function capture() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      var startPara = paragraphOf(range.startContainer);
      var endPara = paragraphOf(range.endContainer);
      if (!startPara || !endPara) { return; }
      var field = startPara.closest("[data-field]").dataset.field;
      if (endPara.closest("[data-field]").dataset.field !== field) { return; }
      var start = offsetIn(startPara, range.startContainer, range.startOffset);
      var end = offsetIn(endPara, range.endContainer, range.endOffset);
      var text = codePoints(texts[field] || "");
      if (end <= start || end > text.length) { return; }
      form.elements.field.value = field;
      form.elements.exact.value = text.slice(start, end).join("");
      form.elements.prefix.value = text.slice(Math.max(0, start - CONTEXT), start).join("");
      form.elements.suffix.value = text.slice(end, end + CONTEXT).join("");
      form.elements.start.value = String(start);
      form.elements.end.value = String(end);
      if (hint) { hint.textContent = "Commenting on: “" + form.elements.exact.value + "”"; }
    }

    // A typed change to the words or the field drops the captured range, so the server finds
    // the words from the text alone.
    function forget() { form.elements.start.value = ""; form.elements.end.value = ""; }
    form.elements.exact.addEventListener("input", forget);
    form.elements.field.addEventListener("change", forget);
    document.getElementById("text").addEventListener("mouseup", capture);
    document.getElementById("text").addEventListener("keyup", capture);
  });
})();

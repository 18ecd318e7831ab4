// leaving.js asks before a page is left with words typed into a form marked data-leave-asks and
// not sent: the new draft's form, whose text exists nowhere else until it is created. Sending
// another form of the page (Sign out) leaves it too, and asks as well.
(function () {
  "use strict";
  var sending = false;

  function typedIn(form) {
    return Array.from(form.elements).some(function (f) {
      return (f.tagName === "TEXTAREA" || (f.tagName === "INPUT" && f.type !== "hidden")) && f.value.trim() !== "";
    });
  }

  document.addEventListener("submit", function (e) {
    if (e.target.hasAttribute("data-leave-asks")) { sending = true; }
  });
  window.addEventListener("beforeunload", function (e) {
    if (!sending && Array.from(document.querySelectorAll("form[data-leave-asks]")).some(typedIn)) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();

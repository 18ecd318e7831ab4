// page.js has a screen reader say the message an app page comes with (what the last action did,
// or why it was not done): a live region's words present as the page loads are not announced,
// only its changes, so the keyboard's focus is put on the message, as GOV.UK's banners do, where
// the page stays and Tab goes on to what follows it. It takes the focus from a field the page
// puts it in (the sign-in's username): a refused sign-in is said before it is tried again. A
// refusal that names its field (marked invalid, its message beside it and describing it) takes
// the keyboard to that field instead, where the message is said and the mistake is mended. A
// page's own script that puts the focus elsewhere runs after this one.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var field = document.querySelector("main [aria-invalid=true][autofocus]");
  if (field && field.getClientRects().length) {
    field.focus();
    return;
  }
  var message = document.querySelector("main :is(.flash, .warning, .error)[role]");
  if (!message) { return; }
  message.tabIndex = -1;
  message.focus({ preventScroll: true });
});

// Small enhancements on top of htmx. Every page works without this file.
(function () {
  "use strict";

  // Upload progress: fill the <progress> inside the form being sent.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest ? event.target.closest("form") : null;
    var bar = form ? form.querySelector("progress") : null;
    if (bar && event.detail.lengthComputable && event.detail.total > 0) {
      bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
    }
  });

  // A plain form (one htmx does not send) is sent once, however many clicks:
  // a double-click must not make two accounts or two stories.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post")) return;  // htmx disables its own buttons
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "yes";
  });
  window.addEventListener("pageshow", function () {  // back from the next page
    document.querySelectorAll("form[data-sending]").forEach(function (form) {
      delete form.dataset.sending;
    });
  });

  // A failed request says so politely instead of silently doing nothing.
  function showProblem(message) {
    var region = document.getElementById("request-problem");
    if (!region) return;
    region.textContent = message;
    region.hidden = false;
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    showProblem(status === 429
      ? "Too many requests just now. Please wait a moment and try again."
      : "Sorry, that did not work (error " + status + "). Please reload the page and try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    showProblem("We could not reach the directory. Check your connection and try again.");
  });
  // Keep keyboard users in place: when a swap removed the focused control,
  // focus the swapped-in message, else the first field with an error, else
  // the new content itself.
  document.addEventListener("htmx:afterSettle", function (event) {
    var active = document.activeElement;
    if (active && active !== document.body && document.body.contains(active)) return;
    var next = document.querySelector("[data-focus-after-swap]");
    if (next) {
      next.removeAttribute("data-focus-after-swap");
    } else {
      var scope = [event.detail.elt, event.detail.target].filter(function (elt) {
        return elt && document.body.contains(elt);
      })[0];
      if (!scope) return;
      next = scope.querySelector("[aria-invalid=true]") || scope;
      if (!next.hasAttribute("tabindex") && !next.matches("input, select, textarea, button, a")) {
        next.setAttribute("tabindex", "-1");
      }
    }
    next.focus();
  });
  document.addEventListener("htmx:beforeRequest", function () {
    var region = document.getElementById("request-problem");
    if (region) region.hidden = true;
  });
})();

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
  document.addEventListener("htmx:beforeRequest", function () {
    var region = document.getElementById("request-problem");
    if (region) region.hidden = true;
  });
})();

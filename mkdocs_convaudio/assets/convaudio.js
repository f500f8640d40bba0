// mkdocs-convaudio: highlight the line being spoken and seek when a line is clicked.
// Without JavaScript the <audio> element and the transcript still work on their own.
(function () {
  "use strict";
  function setup(box) {
    if (box.dataset.convaudioReady) return;
    box.dataset.convaudioReady = "1";
    var audio = box.querySelector("audio");
    var lines = Array.prototype.slice.call(box.querySelectorAll(".convaudio-line[data-start]"));
    if (!audio || !lines.length) return;
    var current = null;
    function update() {
      var t = audio.currentTime, found = null;
      for (var i = 0; i < lines.length; i++) {
        if (t >= parseFloat(lines[i].dataset.start) && t < parseFloat(lines[i].dataset.end) + 0.3) found = lines[i];
      }
      if (found === current) return;
      if (current) current.classList.remove("convaudio-current");
      if (found) found.classList.add("convaudio-current");
      current = found;
    }
    audio.addEventListener("timeupdate", update);
    audio.addEventListener("seeked", update);
    lines.forEach(function (line) {
      line.addEventListener("click", function () {
        audio.currentTime = parseFloat(line.dataset.start);
        audio.play();
      });
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".convaudio"), setup);
  }
  // Material's instant navigation swaps pages without a reload: it exposes document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

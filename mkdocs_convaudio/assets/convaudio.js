// mkdocs-convaudio: seek buttons on transcript lines, the spoken line highlighted (and followed), a speed
// control, the position remembered per page, and seeking on servers that ignore HTTP Range requests.
// Without JavaScript the <audio> element, the captions track and the transcript still work on their own,
// and nothing in the transcript looks clickable (the script adds the buttons).
(function () {
  "use strict";
  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  // Blob URLs made for players (a whole MP3 each), freed once their page is gone (see `freeBlobs`)
  var blobs = [];
  var FOLLOW_PAUSE = 2500; // ms after the reader last scrolled during which the transcript never scrolls itself
  var GAP_HOLD = 2; // s of silence after a line during which it stays highlighted
  var lastUserScroll = 0;
  var lastId = 0; // ids given to lines' parts, unique in the page (instant navigation brings new players in)

  // Only the reader's own input counts as scrolling (wheel, touch, scroll keys, a press on the scrollbar):
  // scroll events alone cannot tell the reader from the page's layout or from this script.
  function markUserScroll() {
    lastUserScroll = Date.now();
  }
  window.addEventListener("wheel", markUserScroll, { passive: true });
  window.addEventListener("touchmove", markUserScroll, { passive: true });
  window.addEventListener("keydown", function (event) {
    // the same keys on a control (Space on a seek button, arrows in the speed menu) operate it, not the page
    var target = event.target, controls = "button, select, input, textarea, audio, video, [contenteditable]";
    if (target && target.closest && target.closest(controls)) return;
    if (/^(PageUp|PageDown|Home|End|ArrowUp|ArrowDown| )$/.test(event.key)) markUserScroll();
  });
  window.addEventListener("pointerdown", function (event) {
    if (event.target === document.documentElement) markUserScroll(); // the page's scrollbar
  });

  function clock(seconds) {
    var total = Math.floor(seconds);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = h ? (m < 10 ? "0" : "") + m : String(m);
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" : "") + s;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // disabled storage (privacy settings, sandboxed frames)
    }
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  // at once under reduced motion: "auto" would mean "as the page's CSS says", and a site's own
  // `html { scroll-behavior: smooth }` scrolled smoothly all the same (bug bash h-a11y)
  function bringIntoView(line) {
    if (!reducedMotion()) {
      line.scrollIntoView({ block: "nearest", behavior: "smooth" });
      return;
    }
    try {
      line.scrollIntoView({ block: "nearest", behavior: "instant" });
    } catch (error) {
      line.scrollIntoView({ block: "nearest" }); // a browser without "instant" has no smooth scrolling either
    }
  }

  // on screen at all: the reader can see it (and is following when the line last spoken is)
  function visible(element) {
    var box = element.getBoundingClientRect();
    var height = window.innerHeight || document.documentElement.clientHeight;
    return box.bottom > 0 && box.top < height;
  }

  // on screen whole: a line cut by the window's edge is brought in (a line a third visible went unscrolled)
  function wholeOnScreen(element) {
    var box = element.getBoundingClientRect();
    var height = window.innerHeight || document.documentElement.clientHeight;
    return box.top >= 0 && box.bottom <= height;
  }

  function setup(box) {
    if (box.dataset.convaudioReady) return;
    var audio = box.querySelector("audio");
    var lines = Array.prototype.slice.call(box.querySelectorAll(".convaudio-line[data-start]"));
    if (!audio || !lines.length) return;
    box.dataset.convaudioReady = "1";
    box.classList.add("convaudio-js");
    var source = audio.getAttribute("src");
    var positionKey = "convaudio:" + location.pathname + "#" + new URL(source, location.href).pathname;
    var store = storage();
    var current = null, lastSpoken = null;

    // -- seeking on servers that ignore Range (mkdocs serve, python -m http.server) ------------------------
    // Such servers answer with the whole file, and the browser then cannot seek (audio.seekable is empty).
    // Only then is the file fetched once and played from memory as a Blob URL, keeping the position.
    var loading = null;
    function seekable() {
      var ranges = audio.seekable;
      return !!ranges && ranges.length > 0 && ranges.end(ranges.length - 1) > 0;
    }
    function ensureSeekable() {
      if (loading) return loading;
      if (seekable() || !window.fetch || !window.URL || !URL.createObjectURL) return Promise.resolve();
      var at = audio.currentTime, playing = !audio.paused;
      box.dataset.convaudioSource = "loading";
      loading = fetch(audio.currentSrc || audio.src)
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.blob();
        })
        .then(function (blob) {
          return new Promise(function (resolve) {
            audio.addEventListener("loadedmetadata", function () { resolve(); }, { once: true });
            var url = URL.createObjectURL(blob);
            blobs.push({ audio: audio, url: url });
            audio.src = url;
          });
        })
        .then(function () {
          if (at) audio.currentTime = at;
          if (playing && audio.isConnected) audio.play().catch(function () {});
          box.dataset.convaudioSource = "blob";
        })
        .catch(function () {
          box.dataset.convaudioSource = "stream"; // seeking stays as the server allows
        });
      return loading;
    }

    function start() {
      var started = audio.play();
      if (started && started.catch) started.catch(function () {});
    }
    // A seek asked for before the metadata came (a slow link; a phone, which loads nothing before a tap): the
    // browser cannot tell yet whether the media seeks, and the whole file was fetched before anything played, on a
    // server that answers Range too (bug bash h-a11y). The media starts loading there, from the line if it can;
    // once its metadata is in, the seek is done as any other.
    var pendingSeek = null;
    function seekOnceLoaded() {
      var asked = pendingSeek;
      pendingSeek = null;
      if (!audio.isConnected) return; // its page was left meanwhile (instant navigation): no voice from it
      // played only if it still plays: the reader paused it meanwhile (its pause button), or another player was
      // started (one voice at a time); it started all the same and paused that one (review r-a11y)
      var play = asked.play && !audio.paused;
      if (!seekable()) audio.pause(); // not from 0:00 while the file is fetched whole
      seekTo(asked.seconds, play);
    }
    function seekTo(seconds, play) {
      if (audio.readyState < 1 && !loading) {
        if (!pendingSeek) audio.addEventListener("loadedmetadata", seekOnceLoaded, { once: true });
        pendingSeek = { seconds: seconds, play: play || (pendingSeek !== null && pendingSeek.play) };
        try {
          audio.currentTime = seconds; // the media's start, where it seeks
        } catch (error) {
          // an older browser that refuses a position before the metadata: the seek once it has come suffices
        }
        if (play) start();
        return Promise.resolve();
      }
      return ensureSeekable().then(function () {
        audio.currentTime = seconds;
        if (play && audio.isConnected) start(); // not if its page was left while the file was fetched
      });
    }

    // -- the transcript: a seek button per line ------------------------------------------------------------
    var buttons = [];
    lines.forEach(function (line) {
      var start = parseFloat(line.dataset.start);
      var speaker = line.querySelector(".convaudio-speaker");
      var text = line.querySelector(".convaudio-text");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "convaudio-seek";
      button.textContent = clock(start);
      // named by its action and time only: the line's words follow it in the list, and a name holding them too
      // made a screen reader read each line twice; they describe it instead (said when it takes focus, as Tab
      // goes from line to line)
      // "Seek to 0:02", or the time where the language says it ("0:02 पर जाएँ", "0:02 konumuna git")
      var seek = box.dataset.convaudioSeek || "Seek to";
      var name = seek.indexOf("{time}") >= 0 ? seek.replace("{time}", clock(start)) : seek + " " + clock(start);
      button.setAttribute("aria-label", name);
      var described = [speaker, text].filter(Boolean).map(function (part) {
        if (!part.id) part.id = "convaudio-" + ++lastId;
        return part.id;
      });
      if (described.length) button.setAttribute("aria-describedby", described.join(" "));
      buttons.push(button);
      line.insertBefore(button, line.firstChild);
      line.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("a[href]")) return; // a link in the line is a link
        if (window.getSelection && String(window.getSelection()) && event.target !== button) return; // selecting
        seekTo(start, true);
      });
    });

    // -- keyboard: the transcript is one Tab stop, its lines' buttons reached with the arrow keys -------------
    // A roving tabindex (WAI-ARIA Authoring Practices): every line's button was a Tab stop, and a keyboard user
    // pressed Tab 200 times to get past a conversation of 200 lines. One button is in the Tab order (the spoken
    // line's, or the first before anything is spoken); Up and Down, Home and End, Page Up and Page Down move focus
    // between them; Tab leaves the transcript.
    // The links in the lines' words go with their line: those of the stop's line are the Tab stops after its button
    // (Tab goes from the line to its links, then out); the others' are out of the Tab order (every link of a
    // 100-line transcript was a Tab stop), still links to a screen reader and to a click.
    var list = box.querySelector(".convaudio-lines") || lines[0].parentNode;
    var links = lines.map(function (line) {
      return Array.prototype.slice.call(line.querySelectorAll(".convaudio-text a[href]"));
    });
    function tabbable(button, yes) {
      button.tabIndex = yes ? 0 : -1;
      links[buttons.indexOf(button)].forEach(function (link) {
        if (yes) link.removeAttribute("tabindex");
        else link.tabIndex = -1;
      });
    }
    var stop = buttons[0];
    buttons.forEach(function (button) { tabbable(button, button === stop); });
    function makeStop(button) {
      if (button === stop) return;
      tabbable(stop, false);
      tabbable(button, true);
      stop = button;
    }
    // the line an element of the list is in (its button, a link in its words), as the index of its button
    function lineOf(element) {
      var line = element && element.closest ? element.closest(".convaudio-line") : null;
      return line ? lines.indexOf(line) : -1;
    }
    function focusInList() {
      return list.contains(document.activeElement);
    }
    // how to move, said once: a screen reader reads it before the list, and as focus comes into the list from
    // elsewhere (the button's description then holds it, until focus moves on)
    var keys = document.createElement("p");
    keys.className = "convaudio-keys";
    keys.id = "convaudio-" + ++lastId;
    keys.textContent = box.dataset.convaudioKeys || "Up and Down arrows move between lines; Enter plays from a line.";
    // and, when lines have links, that Tab goes to those of the line (the player says so in the page's language)
    if (links.some(function (own) { return own.length; })) {
      keys.textContent += " " + (box.dataset.convaudioLinkKeys || "Tab goes to the current line's links.");
    }
    list.parentNode.insertBefore(keys, list);
    list.setAttribute("aria-describedby", keys.id);
    // the list named by the transcript's title: a screen reader said "list, 5 items", not whose
    var title = box.querySelector(".convaudio-transcript summary");
    if (title) {
      if (!title.id) title.id = "convaudio-" + ++lastId;
      list.setAttribute("aria-labelledby", title.id);
    }
    var toldKeys = null;
    function untellKeys() {
      if (!toldKeys) return;
      var own = toldKeys.getAttribute("aria-describedby").split(" ").filter(function (id) { return id !== keys.id; });
      if (own.length) toldKeys.setAttribute("aria-describedby", own.join(" "));
      else toldKeys.removeAttribute("aria-describedby");
      toldKeys = null;
    }
    list.addEventListener("focusin", function (event) {
      var at = lineOf(event.target);
      if (at >= 0) makeStop(buttons[at]); // a link clicked, or reached by a screen reader: its line is the stop
      if (buttons.indexOf(event.target) < 0) return; // a link: how to move is said on the lines' buttons
      if (event.target === toldKeys) return;
      untellKeys();
      if (!list.contains(event.relatedTarget)) {
        var described = event.target.getAttribute("aria-describedby");
        event.target.setAttribute("aria-describedby", (described ? described + " " : "") + keys.id);
        toldKeys = event.target;
      }
    });
    list.addEventListener("focusout", function (event) {
      if (list.contains(event.relatedTarget)) return;
      untellKeys();
      if (current) makeStop(buttons[lines.indexOf(current)]); // Tab comes back to the line being spoken
    });
    var PAGE = 10; // lines a Page Up or Page Down moves over
    list.addEventListener("keydown", function (event) {
      // from a line's button, or from a link in its words (Up goes to the line above it, as from its button)
      var index = event.target.closest && event.target.closest("a[href], .convaudio-seek") ? lineOf(event.target) : -1;
      if (index < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var to = {
        ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1,
        PageDown: index + PAGE, PageUp: index - PAGE,
      }[event.key];
      if (to === undefined) return;
      event.preventDefault(); // the page does not scroll as well: focus brings the line into view
      markUserScroll(); // the reader moves: the transcript does not scroll back to the spoken line at once
      buttons[Math.max(0, Math.min(buttons.length - 1, to))].focus();
    });

    // -- the spoken line: highlighted, and followed while the reader is following --------------------------
    // each line's times, read once: `update` runs every frame while the audio plays
    var starts = lines.map(function (line) { return parseFloat(line.dataset.start); });
    var ends = lines.map(function (line) { return parseFloat(line.dataset.end); });
    function update() {
      var t = audio.currentTime, found = null;
      for (var i = 0; i < lines.length; i++) {
        // a line stays the spoken one through the pause after it (until the next line starts, or GAP_HOLD at
        // most: a long break is no one's line), so the highlight does not blink off between two speakers; a line
        // that takes no time (only an emoji: nothing is said) is never the spoken one
        var next = i + 1 < lines.length ? starts[i + 1] : Infinity;
        if (ends[i] > starts[i] && t >= starts[i] && t < Math.max(ends[i] + 0.3, Math.min(next, ends[i] + GAP_HOLD))) found = lines[i];
      }
      if (found === current) return; // the page is touched only when the spoken line changes
      // followed only if the reader was following: the line last spoken was on screen (after a long break too;
      // the player alone before the first line)
      var last = current || lastSpoken;
      var wasVisible = last ? visible(last) : visible(box);
      if (current) {
        current.classList.remove("convaudio-current");
        current.removeAttribute("aria-current");
        buttons[lines.indexOf(current)].removeAttribute("aria-current");
      }
      if (found) {
        found.classList.add("convaudio-current");
        found.setAttribute("aria-current", "true");
        // on its button too: a screen reader says "current" as focus comes to the line (the list item is never
        // focused, and its own mark was said only by reading the page)
        buttons[lines.indexOf(found)].setAttribute("aria-current", "true");
        // Tab comes into the transcript at the line being spoken; focus itself never moves with the voice, and the
        // stop stays on the focused button while focus is in the list (a Tab from it must leave the transcript)
        if (!focusInList()) makeStop(buttons[lines.indexOf(found)]);
        if (!audio.paused && wasVisible && !wholeOnScreen(found) && Date.now() - lastUserScroll > FOLLOW_PAUSE) {
          bringIntoView(found);
        }
        lastSpoken = found;
      }
      current = found;
    }
    // While the audio plays the highlight is checked every frame: `timeupdate` comes every 250 ms or so (Chromium),
    // and the highlight lagged the voice by as much. The loop stops when the audio pauses or ends, and while the
    // page is hidden (a `timeupdate` of the shown page starts it again); paused, `timeupdate` and `seeked` suffice.
    var frame = 0;
    function playing() {
      return !audio.paused && !audio.ended && !document.hidden && audio.isConnected;
    }
    function follow() {
      frame = 0;
      if (!playing()) return;
      update();
      frame = window.requestAnimationFrame(follow);
    }
    function startFollowing() {
      if (!frame && window.requestAnimationFrame && playing()) frame = window.requestAnimationFrame(follow);
    }
    function stopFollowing() {
      if (frame) window.cancelAnimationFrame(frame);
      frame = 0;
    }
    audio.addEventListener("timeupdate", function () {
      update();
      startFollowing();
    });
    audio.addEventListener("seeked", update);
    audio.addEventListener("playing", startFollowing);
    audio.addEventListener("pause", stopFollowing);
    audio.addEventListener("ended", stopFollowing);
    // one voice at a time: starting a player (a click on its line, its play button) pauses the page's others
    audio.addEventListener("play", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".convaudio audio"), function (other) {
        if (other !== audio && !other.paused) other.pause();
      });
    });

    // -- speed ---------------------------------------------------------------------------------------------
    var meta = box.querySelector(".convaudio-meta") || box;
    var label = document.createElement("label");
    label.className = "convaudio-speed";
    label.appendChild(document.createTextNode((box.dataset.convaudioSpeed || "Speed") + " "));
    var select = document.createElement("select");
    function speedLabel(rate) {
      try {
        return rate.toLocaleString(box.getAttribute("lang") || undefined) + "×"; // 0,75× on a French page
      } catch (error) {
        return rate + "×"; // a language code the browser does not know
      }
    }
    SPEEDS.forEach(function (speed) {
      var option = document.createElement("option");
      option.value = String(speed);
      option.textContent = speedLabel(speed);
      select.appendChild(option);
    });
    // a speed the list lacks (the browser's own menu offers 0.25× and 0.5×) gets its option, in order
    function offer(rate) {
      if (!(rate >= 0.0625 && rate <= 16)) return false; // what browsers allow
      var options = Array.prototype.slice.call(select.options);
      if (options.some(function (option) { return parseFloat(option.value) === rate; })) return true;
      var option = document.createElement("option");
      option.value = String(rate);
      option.textContent = speedLabel(rate);
      var after = options.filter(function (other) { return parseFloat(other.value) > rate; })[0];
      select.insertBefore(option, after || null);
      return true;
    }
    var savedRate = store && parseFloat(store.getItem("convaudio:rate") || "");
    select.value = savedRate && offer(savedRate) ? String(savedRate) : "1";
    function applyRate() {
      audio.playbackRate = audio.defaultPlaybackRate = parseFloat(select.value);
    }
    select.addEventListener("change", function () {
      applyRate();
      if (store) store.setItem("convaudio:rate", select.value);
      // one listener's speed: the page's other players take it now, not after a reload
      Array.prototype.forEach.call(document.querySelectorAll(".convaudio-speed select"), function (other) {
        if (other === select || other.value === select.value) return;
        other.value = select.value;
        if (other.value === select.value) other.dispatchEvent(new Event("change"));
        else {
          // a speed its list lacks: its player offers it when its audio takes the rate (see "ratechange")
          var player = other.closest(".convaudio"), otherAudio = player && player.querySelector("audio");
          if (otherAudio) otherAudio.playbackRate = parseFloat(select.value);
        }
      });
    });
    audio.addEventListener("loadedmetadata", applyRate); // a new source resets the rate
    // a speed set elsewhere (the browser's own menu on the audio controls) is the control's, if it offers it
    audio.addEventListener("ratechange", function () {
      var rate = audio.playbackRate;
      if (rate === parseFloat(select.value) || !offer(rate)) return;
      select.value = String(rate);
      select.dispatchEvent(new Event("change"));
    });
    applyRate();
    // the speed chosen since on another page: one restored by Back (the back/forward cache keeps the page as it
    // was), or another tab of the site
    function takeSavedRate() {
      var rate = store && parseFloat(store.getItem("convaudio:rate") || "");
      if (!rate || rate === parseFloat(select.value) || !offer(rate)) return;
      select.value = String(rate);
      applyRate();
    }
    select.convaudioTakeSavedRate = takeSavedRate; // for the page's listeners below (one each, not one a player)
    label.appendChild(select);
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(label);

    // -- position, remembered per page ---------------------------------------------------------------------
    var savedAt = 0;
    function save() {
      if (!store) return;
      if (audio.ended || audio.currentTime < 1) store.removeItem(positionKey);
      else store.setItem(positionKey, audio.currentTime.toFixed(2));
    }
    audio.addEventListener("timeupdate", function () {
      if (Math.abs(audio.currentTime - savedAt) >= 5) {
        savedAt = audio.currentTime;
        save();
      }
    });
    audio.addEventListener("pause", save);
    audio.addEventListener("seeked", save);
    audio.addEventListener("ended", save);

    function ready() {
      // only when the media cannot seek is it fetched whole; then the remembered position is restored
      var restored = false;
      ensureSeekable().then(function () {
        if (restored) return;
        restored = true;
        var at = store ? parseFloat(store.getItem(positionKey) || "") : NaN;
        if (at > 0 && (!isFinite(audio.duration) || at < audio.duration - 0.5) && audio.currentTime < 0.01) {
          audio.currentTime = at;
        }
        box.dataset.convaudioRestored = "1";
        update();
      });
    }
    if (audio.readyState >= 1) ready();
    else audio.addEventListener("loadedmetadata", ready, { once: true });
    // show captions cues to scripts (screen readers announce the transcript; <audio> draws no captions)
    if (audio.textTracks && audio.textTracks.length) audio.textTracks[0].mode = "hidden";
  }

  // Material's instant navigation swaps a page's content without unloading it: a removed player (paused by the
  // browser when it left the document) would keep its whole MP3 in memory until the tab is closed.
  function freeBlobs() {
    blobs = blobs.filter(function (made) {
      if (made.audio.isConnected) return true;
      URL.revokeObjectURL(made.url);
      return false;
    });
  }

  // once for the page, not once a player: Material's instant navigation replaces the players, and listeners on
  // the window would keep every replaced one alive (review 125)
  function takeSavedRates() {
    Array.prototype.forEach.call(document.querySelectorAll(".convaudio-speed select"), function (select) {
      if (select.convaudioTakeSavedRate) select.convaudioTakeSavedRate();
    });
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) takeSavedRates();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === "convaudio:rate") takeSavedRates();
  });

  // several players on a page: each control's name says which (a screen reader listed two "Listen to this
  // conversation", two "Download MP3", two "Speed"; bug bash 124)
  function nameApart(boxes) {
    boxes.forEach(function (box, index) {
      var which = " (" + (index + 1) + "/" + boxes.length + ")";
      var named = [
        box.querySelector("audio"),
        box.querySelector(".convaudio-download"),
        box.querySelector(".convaudio-download-video"),
        box.querySelector(".convaudio-speed select"),
        box.querySelector(".convaudio-transcript summary"),
      ];
      named.forEach(function (element) {
        if (!element) return;
        var own = element.tagName === "AUDIO" ? element.title : element.tagName === "SELECT"
          ? (box.dataset.convaudioSpeed || "Speed") : element.textContent.trim();
        element.setAttribute("aria-label", own + which);
      });
    });
  }

  function init() {
    freeBlobs();
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".convaudio"));
    boxes.forEach(setup);
    if (boxes.length > 1) nameApart(boxes);
  }
  // Material's instant navigation swaps pages without a reload: it exposes document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  // The page's own players, whether or not document$ ever emits: from a page opened from disk (`file://`, as
  // Material's offline plugin builds for) instant navigation cannot start, and document$ never emitted (bug bash
  // h-material). A player already set up is left alone (see `setup`).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// Cook mode: the plan's steps one at a time, timers with an alarm, the screen kept awake.
// The page lists every step without this file. Time comes from Date.now, setTimeout and
// setInterval only, so a test clock (Playwright's page.clock) drives the timers. Timers are
// kept in localStorage, so a reload or a visit to the plan keeps them running. Text is only
// ever set as textContent.
"use strict";

(function () {
  if (document.body.dataset.page !== "cook") return;
  const $ = (selector) => document.querySelector(selector);
  const root = $("#cook");
  const steps = [...document.querySelectorAll(".cook-step")];
  const alarm = $("#alarm");
  const alarmText = $("#alarm-text");
  const list = $("#timers");
  const STORE = "ladle:timers";
  const TICK_MS = 250;
  const BEEP_EVERY_MS = 1500;
  if (!root || !steps.length || !alarm || !alarmText || !list) return;

  // --- steps ---------------------------------------------------------------------------------

  let current = 0;

  function show(index) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach((step, i) => {
      step.hidden = i !== current;
    });
    $("#prev").disabled = current === 0;
    $("#next").disabled = current === steps.length - 1;
    root.dataset.step = String(current + 1);
    history.replaceState(null, "", `#step-${current + 1}`);
  }

  // The step due now: the last one that has started (the first before any has).
  function due() {
    const now = Date.now();
    let found = 0;
    steps.forEach((step, i) => {
      if (new Date(step.dataset.start).getTime() <= now) found = i;
    });
    return found;
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const onControl = event.target instanceof Element && event.target.closest("a, button, input, select, textarea");
    const forward = event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey);
    const back = event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey);
    if (event.key === " " && onControl) return; // the space bar presses the button it is on
    if (forward || back) {
      event.preventDefault();
      show(current + (forward ? 1 : -1));
    }
  }

  let touch = null;

  function onTouchStart(event) {
    touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
  }

  function onTouchEnd(event) {
    if (!touch || !event.changedTouches.length) return;
    const dx = event.changedTouches[0].clientX - touch.x;
    const dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
  }

  // --- sound ---------------------------------------------------------------------------------

  let audio = null;

  // Made on a tap (browsers let a page make sound only after one).
  function readyAudio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      if (!audio) audio = new Context();
      if (audio.state === "suspended") audio.resume().catch(() => {});
      root.dataset.audio = "ready";
    } catch (_) {
      audio = null;
    }
  }

  function beep() {
    root.dataset.beeps = String(Number(root.dataset.beeps || 0) + 1);
    if (!audio) return;
    try {
      const now = audio.currentTime;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = "square";
      tone.frequency.setValueAtTime(880, now);
      gain.gain.setValueAtTime(0.25, now);
      gain.gain.exponentialRampToValueAtTime(0.001, now + 0.5);
      tone.connect(gain).connect(audio.destination);
      tone.start(now);
      tone.stop(now + 0.5);
    } catch (_) {
      // no sound: the banner still flashes
    }
  }

  // --- timers --------------------------------------------------------------------------------

  let timers = [];
  const rows = new Map();
  let lastBeep = 0;

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(saved) ? saved.filter((t) => t && typeof t.ends === "number") : [];
    } catch (_) {
      return [];
    }
  }

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify(timers));
    } catch (_) {
      // private browsing: the timers last as long as the page
    }
  }

  function clock(ms) {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, "0");
    return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  }

  function row(timer) {
    const item = document.createElement("li");
    item.className = "timer";
    const label = document.createElement("span");
    label.className = "timer-label";
    label.textContent = timer.label;
    const left = document.createElement("span");
    left.className = "timer-left";
    const stop = document.createElement("button");
    stop.type = "button";
    stop.className = "timer-stop";
    stop.textContent = "Cancel";
    stop.setAttribute("aria-label", `Cancel the timer: ${timer.label}`);
    stop.addEventListener("click", () => {
      remove(timer.id);
      tick();
    });
    item.append(left, label, stop);
    list.append(item);
    rows.set(timer.id, { item, left });
  }

  function remove(id) {
    timers = timers.filter((t) => t.id !== id);
    const shown = rows.get(id);
    if (shown) shown.item.remove();
    rows.delete(id);
  }

  function start(minutes, label) {
    readyAudio();
    const timer = { id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, label, ends: Date.now() + minutes * 60000, rang: false };
    timers.push(timer);
    save();
    row(timer);
    tick();
  }

  function ring(timer) {
    timer.rang = true;
    lastBeep = 0;
    sound(timer);
  }

  // The banner for a timer that has rung (again after a reload, until it is stopped).
  function sound(timer) {
    alarmText.textContent = `Time's up: ${timer.label}`;
    alarm.hidden = false;
    document.body.classList.add("ringing");
  }

  function quiet() {
    alarm.hidden = true;
    document.body.classList.remove("ringing");
  }

  function stopAlarm() {
    for (const timer of timers.filter((t) => t.rang)) remove(timer.id);
    quiet();
    tick();
  }

  function tick() {
    const now = Date.now();
    let ringing = 0;
    for (const timer of timers) {
      if (!rows.has(timer.id)) row(timer);
      if (!timer.rang && now >= timer.ends) ring(timer);
      if (timer.rang && alarm.hidden) sound(timer);
      if (timer.rang) ringing += 1;
      const shown = rows.get(timer.id);
      shown.left.textContent = timer.rang ? "Done" : clock(timer.ends - now);
      shown.item.classList.toggle("done", timer.rang);
    }
    if (ringing && now - lastBeep >= BEEP_EVERY_MS) {
      lastBeep = now;
      beep();
    }
    if (!ringing && !alarm.hidden) quiet();
    list.hidden = timers.length === 0;
    root.dataset.timers = String(timers.length);
    save();
  }

  // --- the screen ----------------------------------------------------------------------------

  let lock = null;

  async function keepAwake() {
    const wake = $("#wake");
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
    try {
      lock = await navigator.wakeLock.request("screen");
      if (wake) wake.textContent = "· screen kept on";
      lock.addEventListener("release", () => {
        lock = null;
        if (wake) wake.textContent = "";
      });
    } catch (_) {
      lock = null; // refused (battery saver, no permission): cook mode works without it
    }
  }

  // --- start ---------------------------------------------------------------------------------

  // The step the address names (#step-3), else the one due now.
  function wanted() {
    const named = /^#step-(\d+)$/.exec(location.hash);
    return named ? Number(named[1]) - 1 : null;
  }

  document.documentElement.classList.add("cooking");
  show(wanted() ?? due());
  window.addEventListener("hashchange", () => show(wanted() ?? current));
  $("#prev").addEventListener("click", () => show(current - 1));
  $("#next").addEventListener("click", () => show(current + 1));
  $("#now").addEventListener("click", () => show(due()));
  $("#alarm-stop").addEventListener("click", stopAlarm);
  for (const button of document.querySelectorAll(".timer-start")) {
    button.addEventListener("click", () => start(Number(button.dataset.minutes), button.dataset.label || "Timer"));
  }
  document.addEventListener("keydown", onKey);
  root.addEventListener("touchstart", onTouchStart, { passive: true });
  root.addEventListener("touchend", onTouchEnd, { passive: true });
  document.addEventListener("pointerdown", readyAudio, { once: true });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && lock === null) keepAwake();
  });
  timers = load();
  tick();
  setInterval(tick, TICK_MS);
  keepAwake();
})();

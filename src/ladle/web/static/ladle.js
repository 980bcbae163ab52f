// ladle's pages, made quicker: the library searched as you type, a recipe's scaler and unit
// switch updating the card in place, the planner's and the shopping list's recipe search, and
// the shopping list's ticks kept in localStorage. Every page works without this file; it only
// calls the JSON API under /api. Text from a recipe is only ever set as textContent, never as
// HTML. Cook mode has its own script (cook.js).
"use strict";

(function () {
  const $ = (selector) => document.querySelector(selector);

  function node(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  const oneLine = (text) => String(text || "").split(/\s+/).filter(Boolean).join(" ");

  // Consecutive items with the same key (an ingredient's group, a step's section).
  function runs(items, key) {
    const out = [];
    for (const item of items) {
      const name = oneLine(key(item)) || null;
      const last = out[out.length - 1];
      if (last && last[0] === name) last[1].push(item);
      else out.push([name, [item]]);
    }
    return out;
  }

  // The form's filled fields as query parameters.
  function fields(form) {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text) query.append(name, text);
    }
    return query;
  }

  async function getJSON(url, signal) {
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal,
    });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      throw new Error((body && body.detail) || `${response.status} ${response.statusText}`);
    }
    return body;
  }

  // One request at a time: a newer one cancels the one before (``run`` handles its errors).
  function latest(run) {
    let controller = null;
    return async (...args) => {
      if (controller) controller.abort();
      controller = new AbortController();
      await run(controller.signal, ...args);
    };
  }

  function debounce(run, delay) {
    let timer = 0;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    };
  }

  // --- the library ---------------------------------------------------------------------------

  function entryItem(entry) {
    const item = node("li");
    const link = node("a", entry.title);
    link.href = `/recipes/${encodeURIComponent(entry.id)}`;
    item.append(link);
    if (entry.total_minutes !== null) {
      item.append(node("span", `${Math.round(entry.total_minutes)} min`, "time"));
    }
    for (const tag of entry.tags) item.append(node("span", tag, "tag"));
    return item;
  }

  function library() {
    const form = $("#search");
    const results = $("#results");
    const status = $("#status");
    const more = $("#more");
    if (!form || !results || !status) return;

    const search = latest(async (signal) => {
      const query = fields(form);
      status.textContent = "Searching…";
      try {
        const page = await getJSON(`/api/recipes?${query}&limit=30`, signal);
        results.replaceChildren(...page.items.map(entryItem));
        status.textContent = page.items.length ? "" : "No recipes found.";
        if (more) {
          more.hidden = page.next_offset === null;
          more.href = `?${query}&offset=${page.next_offset}`;
        }
        history.replaceState(null, "", query.toString() ? `?${query}` : "/");
      } catch (error) {
        if (error.name !== "AbortError") status.textContent = error.message;
      }
    });
    form.addEventListener("input", debounce(search, 150));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      search();
    });
  }

  // --- a recipe ------------------------------------------------------------------------------

  function yieldText(made) {
    if (oneLine(made.text)) return oneLine(made.text);
    if (made.servings) return `Serves ${made.servings}`;
    if (made.amount && made.unit) return `Makes ${made.amount} ${made.unit.replace(/_/g, " ")}`;
    return "";
  }

  function showIngredients(recipe) {
    const parts = [];
    for (const [group, items] of runs(recipe.ingredients, (i) => i.group)) {
      if (group) parts.push(node("h3", group));
      const list = node("ul");
      for (const ingredient of items) list.append(node("li", oneLine(ingredient.text)));
      parts.push(list);
    }
    $("#ingredients").replaceChildren(...parts);
  }

  function showSteps(recipe) {
    const parts = [];
    let start = 1;
    for (const [section, items] of runs(recipe.steps, (s) => s.section)) {
      if (section) parts.push(node("h3", section));
      const list = node("ol");
      list.start = start;
      for (const step of items) list.append(node("li", oneLine(step.text)));
      parts.push(list);
      start += items.length;
    }
    $("#steps").replaceChildren(...parts);
  }

  function showRecipe(recipe) {
    showIngredients(recipe);
    showSteps(recipe);
    const notes = $("#notes");
    const written = recipe.notes.map(oneLine).filter(Boolean);
    notes.replaceChildren(...written.map((note) => node("li", note)));
    notes.parentElement.hidden = written.length === 0;
    const made = $("#yield");
    if (made) made.textContent = yieldText(recipe.yield);
  }

  // The nutrition panel's rows, from the report JSON (per serving and in all), as the page
  // renders them: energy and milligrams whole, grams to one decimal.
  function showNutrition(body, report) {
    const text = (value, unit) =>
      value === null ? "" : `${value.toFixed(["kcal", "kJ", "mg"].includes(unit) ? 0 : 1)} ${unit}`;
    const rows = report.nutrients.filter((n) => n.total !== null).map((n) => {
      const row = node("tr");
      row.append(node("td", n.label), node("td", text(n.per_serving, n.unit)), node("td", text(n.total, n.unit)));
      return row;
    });
    body.replaceChildren(...rows);
  }

  function recipe() {
    const card = $("#card");
    const form = $("#adjust");
    const status = $("#adjust-status");
    if (!card || !form || !status) return;
    const id = encodeURIComponent(card.dataset.recipeId);

    const update = latest(async (signal) => {
      const query = fields(form);
      status.textContent = "…";
      try {
        showRecipe(await getJSON(`/api/recipes/${id}/scaled?${query}`, signal));
        const panel = $("#nutrition tbody");
        if (panel) showNutrition(panel, await getJSON(`/api/recipes/${id}/nutrition?${query}`, signal));
        status.textContent = "";
        history.replaceState(null, "", query.toString() ? `?${query}` : window.location.pathname);
      } catch (error) {
        if (error.name !== "AbortError") status.textContent = error.message;
      }
    });
    form.addEventListener("change", update);
    form.addEventListener("input", debounce(update, 300));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      update();
    });
    const print = $("#print");
    if (print) print.addEventListener("click", () => window.print());
  }

  // --- choosing recipes (the planner and the shopping list) -----------------------------------

  const LAST_PLAN = "ladle:plan";

  function storage(action) {
    try {
      return action(window.localStorage);
    } catch (_) {
      return null; // no storage (private browsing): nothing is remembered
    }
  }

  function candidate(entry) {
    const item = node("li");
    const label = node("label", null, "check");
    const box = node("input");
    box.type = "checkbox";
    box.name = "ids";
    box.value = String(entry.id);
    label.append(box, ` ${entry.title}`);
    item.append(label);
    return item;
  }

  // The library searched as you type; the recipes already chosen are left out, ticks kept.
  function pick() {
    const box = $("#pick-q");
    const list = $("#candidates");
    const status = $("#pick-status");
    if (!box || !list || !status) return;
    const chosen = () => new Set([...document.querySelectorAll("#chosen [data-id]")].map((e) => e.dataset.id));
    const search = latest(async (signal) => {
      const query = new URLSearchParams({ q: box.value.trim(), limit: "40" });
      status.textContent = "Searching…";
      try {
        const page = await getJSON(`/api/recipes?${query}`, signal);
        const ticked = new Set([...list.querySelectorAll("input:checked")].map((i) => i.value));
        const known = chosen();
        const items = page.items.filter((e) => !known.has(String(e.id))).slice(0, 30);
        list.replaceChildren(...items.map(candidate));
        for (const input of list.querySelectorAll("input")) input.checked = ticked.has(input.value);
        status.textContent = items.length ? "" : "No other recipes found.";
      } catch (error) {
        if (error.name !== "AbortError") status.textContent = error.message;
      }
    });
    box.addEventListener("input", debounce(search, 150));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // Enter searches; it does not plan
        search();
      }
    });
  }

  function plan() {
    pick();
    const form = $("#plan-form");
    const status = $("#plan-status");
    const button = $("#plan-button");
    if (!form || !status || !button) return;
    form.addEventListener("submit", () => {
      status.textContent = "Planning… (a few seconds)";
      button.disabled = true;
    });
    window.addEventListener("pageshow", () => {
      button.disabled = false; // back from another page: the form works again
      status.textContent = "";
    });
    if ($("#plan") || $("#no-plan")) {
      history.replaceState(null, "", form.dataset.address); // the plan's address, tidied
      storage((s) => s.setItem(LAST_PLAN, location.search));
    }
  }

  // "Add to a meal plan" on a recipe: to the meal planned last, when there is one (already in
  // it: back to that plan).
  function addToPlan() {
    const link = $("#add-to-plan");
    if (!link) return;
    const last = storage((s) => s.getItem(LAST_PLAN));
    if (!last) return;
    const query = new URLSearchParams(last);
    const ids = query.getAll("ids").join(",").split(",").filter(Boolean);
    if (!ids.includes(link.dataset.recipeId)) ids.push(link.dataset.recipeId);
    query.set("ids", ids.join(","));
    link.href = `/plan?${query}`;
  }

  // --- the shopping list -----------------------------------------------------------------------

  function shop() {
    pick();
    const list = $("#list");
    if (!list) return;
    const key = `ladle:shop:${list.dataset.key}`;
    const saved = storage((s) => JSON.parse(s.getItem(key) || "[]"));
    const ticked = new Set(Array.isArray(saved) ? saved : []);
    const boxes = [...list.querySelectorAll("input.tick")];
    const keep = () => storage((s) => s.setItem(key, JSON.stringify([...ticked])));
    for (const box of boxes) {
      box.checked = ticked.has(box.dataset.item);
      box.addEventListener("change", () => {
        if (box.checked) ticked.add(box.dataset.item);
        else ticked.delete(box.dataset.item);
        keep();
      });
    }
    const clear = $("#untick");
    if (clear) {
      clear.addEventListener("click", () => {
        ticked.clear();
        for (const box of boxes) box.checked = false;
        keep();
      });
    }
  }

  function recipePage() {
    recipe();
    addToPlan();
  }

  document.documentElement.classList.add("js");
  const pages = { library, recipe: recipePage, plan, shop };
  const page = pages[document.body.dataset.page];
  if (page) page();
})();

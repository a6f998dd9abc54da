// The review schedule and the records it lives in (overrides/components/progress-store/progress-store.js):
// `node --test tests/js/`. Under node the file exports the schedule; run in a small fake window it is the store.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const FILE = path.resolve(__dirname, "../../overrides/components/progress-store/progress-store.js");
const schedule = require(FILE);
const { DAY } = schedule;
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const KEY = "goal-pyramid:progress:v2:";

// One answer after another, as set() keeps them: each record's review from the one before.
function answer(previous, right, now) {
  const record = { set: "s", answer: right ? "yes" : "no", right, at: now };
  const review = schedule.nextReview(previous, right, now);
  if (review) record.review = review;
  return record;
}

test("wrong is due a day later; right when due moves on to 3 days, then 7, then out of review", () => {
  let record = answer(null, false, NOW);
  assert.deepEqual(record.review, { step: 1, due: NOW + DAY });
  assert.equal(schedule.pick(["a"], { a: record }, NOW).length, 0, "not due the same day");
  assert.deepEqual(schedule.pick(["a"], { a: record }, NOW + DAY), [{ id: "a", due: NOW + DAY }]);
  let now = NOW + DAY;
  record = answer(record, true, now);
  assert.deepEqual(record.review, { step: 2, due: now + 3 * DAY });
  assert.equal(schedule.pick(["a"], { a: record }, now + 3 * DAY - 1).length, 0);
  now += 3 * DAY;
  record = answer(record, true, now);
  assert.deepEqual(record.review, { step: 3, due: now + 7 * DAY });
  now += 7 * DAY;
  assert.equal(schedule.pick(["a"], { a: record }, now).length, 1);
  record = answer(record, true, now);
  assert.equal(record.review, undefined, "it leaves review");
  assert.equal(schedule.pick(["a"], { a: record }, now + 365 * DAY).length, 0);
});

test("wrong at any step sends it back to the start", () => {
  for (const step of [1, 2, 3]) {
    const previous = { answer: "x", right: true, at: NOW - DAY, review: { step, due: NOW - 1 } };
    assert.deepEqual(schedule.nextReview(previous, false, NOW), { step: 1, due: NOW + DAY });
  }
  // Also before it is due.
  const early = { answer: "x", right: true, at: NOW, review: { step: 3, due: NOW + 7 * DAY } };
  assert.deepEqual(schedule.nextReview(early, false, NOW + DAY), { step: 1, due: NOW + 2 * DAY });
});

test("right before it is due keeps the schedule; right the first time is never in review", () => {
  const pending = { answer: "x", right: false, at: NOW, review: { step: 1, due: NOW + DAY } };
  assert.deepEqual(schedule.nextReview(pending, true, NOW + 1000), { step: 1, due: NOW + DAY });
  assert.equal(schedule.nextReview(null, true, NOW), null);
  assert.equal(schedule.nextReview({ answer: "x", right: true }, true, NOW), null);
});

test("a wrong record from before the schedule (no review, no at) is due now, and right moves it to step 2", () => {
  const old = { set: "s", answer: "x", right: false };
  assert.equal(schedule.dueAt(old), 0);
  assert.deepEqual(schedule.pick(["a"], { a: old }, NOW), [{ id: "a", due: 0 }]);
  assert.deepEqual(schedule.nextReview(old, true, NOW), { step: 2, due: NOW + 3 * DAY });
  assert.equal(schedule.dueAt({ answer: "x", right: true }), null);
});

test("due items first, oldest due first, then never answered in the given order, at most 10", () => {
  const records = {
    late: { answer: "x", right: false, review: { step: 1, due: NOW - 10 } },
    early: { answer: "x", right: false, review: { step: 2, due: NOW - 1000 } },
    future: { answer: "x", right: false, review: { step: 1, due: NOW + 10 } },
    done: { answer: "x", right: true },
    gone: { answer: "x", right: false, review: { step: 1, due: NOW - 5000 } },
  };
  const ids = ["n1", "late", "n2", "future", "early", "done", "n2"];
  assert.deepEqual(schedule.pick(ids, records, NOW).map((e) => e.id), ["early", "late", "n1", "n2"]);
  const many = Array.from({ length: 25 }, (_, i) => `item-${i}`);
  const picked = schedule.pick(many, { "item-20": records.late }, NOW);
  assert.equal(picked.length, 10);
  assert.deepEqual(picked.slice(0, 2).map((e) => e.id), ["item-20", "item-0"]);
  assert.equal(schedule.pick(many, {}, NOW, 3).length, 3);
});

test("stored progress for ids that no longer exist is never offered", () => {
  const records = { gone: { answer: "x", right: false, review: { step: 1, due: 0 } } };
  assert.deepEqual(schedule.pick(["here"], records, NOW).map((e) => e.id), ["here"]);
  // An id like "constructor" is just an id.
  assert.deepEqual(schedule.pick(["constructor"], Object.create(null), NOW).map((e) => e.id), ["constructor"]);
});

// The store itself, in a fake window with an in-memory localStorage.
function fakeWindow(entries = {}, now = NOW) {
  const data = new Map(Object.entries(entries));
  const localStorage = {
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); },
  };
  class FixedDate extends Date {
    static now() { return context.clock; }
  }
  const context = { clock: now, localStorage, document: { querySelector: () => null }, Date: FixedDate,
                    addEventListener() {} };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(FILE, "utf8"), context);
  return { progress: context.goalPyramidPieces["progress-store"].progress, data, context };
}

test("set() stamps when the answer was given and its schedule; a later answer follows it", () => {
  const { progress, data, context } = fakeWindow();
  progress.set("a", { set: "s", answer: "no", right: false });
  assert.deepEqual(JSON.parse(data.get(KEY + "a")),
                   { set: "s", answer: "no", right: false, at: NOW, review: { step: 1, due: NOW + DAY } });
  context.clock = NOW + DAY;
  progress.set("a", { set: "s", answer: "yes", right: true });
  assert.deepEqual(JSON.parse(JSON.stringify(progress.get("a").review)), { step: 2, due: NOW + 4 * DAY });
  progress.set("b", { set: "s", answer: "yes", right: true, at: 5 });
  assert.deepEqual(JSON.parse(data.get(KEY + "b")), { set: "s", answer: "yes", right: true, at: 5 });
});

test("records without at or review still read; one with a bad at or review is dropped, the others stay", () => {
  const good = { set: "s", answer: "x", right: true };
  const entries = {
    [KEY + "old"]: JSON.stringify(good),
    [KEY + "new"]: JSON.stringify({ ...good, at: NOW, review: { step: 2, due: NOW } }),
    [KEY + "bad-at"]: JSON.stringify({ ...good, at: "yesterday" }),
    [KEY + "negative-at"]: JSON.stringify({ ...good, at: -1 }),
    [KEY + "bad-step"]: JSON.stringify({ ...good, review: { step: 4, due: NOW } }),
    [KEY + "half-step"]: JSON.stringify({ ...good, review: { step: 1.5, due: NOW } }),
    [KEY + "no-due"]: JSON.stringify({ ...good, review: { step: 1 } }),
    [KEY + "list-review"]: JSON.stringify({ ...good, review: [1, 2] }),
    // Past the last date a Date can hold: "Download my results" could not write it.
    [KEY + "far-future-at"]: JSON.stringify({ ...good, at: 9e15 }),
    [KEY + "far-future-due"]: JSON.stringify({ ...good, review: { step: 1, due: 9e15 } }),
  };
  const { progress, data } = fakeWindow(entries);
  assert.deepEqual(Object.keys(progress.all()).sort(), ["new", "old"]);
  assert.deepEqual([...data.keys()].sort(), [KEY + "new", KEY + "old"]);
});

test("a practice set's 'Try again' (remove) keeps the schedule: a wrong answer still comes back", () => {
  const { progress, data, context } = fakeWindow();
  progress.set("a", { set: "s", answer: "no", right: false });
  progress.remove("a");
  assert.equal(progress.get("a"), null);
  assert.deepEqual(Object.keys(progress.all()), [], "removed: not an answer any more");
  context.clock = NOW + 60_000;
  progress.set("a", { set: "s", answer: "yes", right: true });
  assert.deepEqual(JSON.parse(JSON.stringify(progress.get("a").review)), { step: 1, due: NOW + DAY });
  assert.deepEqual([...data.keys()], [KEY + "a"], "what remove() kept goes with the next answer");
  // Right the first time, removed, right again: still never in review.
  progress.set("b", { set: "s", answer: "yes", right: true });
  progress.remove("b");
  progress.set("b", { set: "s", answer: "yes", right: true });
  assert.equal(progress.get("b").review, undefined);
  // Forgetting forgets what remove() kept too.
  progress.set("c", { set: "s", answer: "no", right: false });
  progress.remove("c");
  progress.forget();
  assert.deepEqual([...data.keys()], []);
  progress.set("c", { set: "s", answer: "yes", right: true });
  assert.equal(progress.get("c").review, undefined);
});

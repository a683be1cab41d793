// The calendar file (docs/assets/javascripts/calendar.js): escaping, folding,
// busy events, reminders, milestone dates in words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, escapeText, fold } from "../../docs/assets/javascripts/calendar.js";
import { schedule } from "../../docs/assets/javascripts/dates.js";
import { words } from "./words.mjs";

test("every kind of line break, and ; , \\, is escaped in a text value", () => {
  const escaped = escapeText("Acne scars\rBEGIN:VEVENT\nX\r\nY; a, b\\");
  assert.equal(escaped, "Acne scars\\nBEGIN:VEVENT\\nX\\nY\\; a\\, b\\\\");
  assert.ok(!/[\r\n]/.test(escaped));
});

test("long lines fold at 75 octets without splitting a character", () => {
  const line = "DESCRIPTION:" + "é".repeat(100) + "x".repeat(50);
  const folded = fold(line);
  const parts = folded.split("\r\n");
  assert.ok(parts.length > 2);
  for (const part of parts) assert.ok(Buffer.byteLength(part) <= 75, part);
  assert.equal(parts.map((p, i) => (i ? p.slice(1) : p)).join(""), line);
  assert.equal(fold("short"), "short");
});

const plan = { name: "Acne scars", resultsFromFirst: false, resultsCheckDays: 84, resultsNote: "Compare, with your clinician.", intervalLabels: { 28: "4 weeks" } };
const data = { words, plans: { "acne-scars": plan }, aftercare: [{ id: "a", day: 1, title: "redness usually fading" }] };

function calendar(extra) {
  const start = Date.UTC(2027, 11, 6);
  return buildCalendar(words, plan, Object.assign({ planId: "acne-scars", start, sessions: 2, interval: 28, rows: schedule(data, "acne-scars", 2, 28) }, extra),
    new Date(Date.UTC(2027, 0, 2, 3, 4, 5)), "example.org");
}

test("events are all-day, busy, with a reminder the day before each session", () => {
  const file = calendar();
  assert.ok(file.endsWith("\r\n") && !/[^\r]\n/.test(file), "lines end in CRLF");
  assert.deepEqual(file.match(/DTSTART;VALUE=DATE:\d+/g), ["DTSTART;VALUE=DATE:20271206", "DTSTART;VALUE=DATE:20280103", "DTSTART;VALUE=DATE:20280327"]);
  assert.equal(file.match(/TRANSP:OPAQUE/g).length, 3);
  assert.ok(!file.includes("TRANSPARENT"));
  assert.equal(file.match(/BEGIN:VALARM/g).length, 2, "one reminder per session, none for the results check");
  assert.ok(file.includes("TRIGGER:-PT15H"));
  assert.ok(file.includes("DTSTAMP:20270102T030405Z"));
  assert.ok(file.includes("UID:acne-scars-20271206-2x28-1@example.org"));
});

test("milestone dates are in words, and the care text is added to each event", () => {
  const file = calendar({ careText: "Call 999 if; you faint" }).replace(/\r\n /g, "");
  assert.ok(file.includes("Tue 7 Dec 2027: redness usually fading"), file);
  assert.ok(!/\d{4}-\d{2}-\d{2}/.test(file), "no ISO dates");
  assert.ok(file.includes("Call 999 if\\; you faint"));
  assert.ok(file.includes("Compare\\, with your clinician."));
});

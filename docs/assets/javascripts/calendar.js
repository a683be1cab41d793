/* Calendar file (RFC 5545) for the schedule calculator: one all-day event
 * per session, with a reminder the day before, and one for the results
 * check.  Pure functions (tests/js runs them in Node); words from the build. */
import { addDays, fill, formatDate, isoDate } from "./dates.js";

function compact(time) {
  return isoDate(time).replace(/-/g, "");
}

/* TEXT values escape backslash, semicolon, comma and newlines (§3.3.11); a
 * bare CR counts as a newline: left as it is, it would end the line. */
export function escapeText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/* Lines longer than 75 octets are folded with CRLF + space (§3.1),
 * never splitting a multi-byte character. */
export function fold(line) {
  const out = [], encoder = new TextEncoder(), limit = 75;
  let current = "", size = 0;
  Array.from(line).forEach(function (ch) {
    const bytes = encoder.encode(ch).length;
    if (size + bytes > limit) {
      out.push(current);
      current = " ";
      size = 1;
    }
    current += ch;
    size += bytes;
  });
  out.push(current);
  return out.join("\r\n");
}

/* `plan` has the plan's name and results note; `stamp` is the time the file
 * is made (a Date).  The same plan and start always give the same UIDs, so
 * importing an updated file replaces events instead of duplicating them. */
export function buildCalendar(words, plan, schedule, stamp, host) {
  const cal = words.calendar, dates = words.dates;
  const when = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const uidBase = [schedule.planId, compact(schedule.start), schedule.sessions + "x" + schedule.interval].join("-");
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + cal.productId,
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText(fill(cal.calendarName, { plan: plan.name }))
  ];
  schedule.rows.forEach(function (row, index) {
    const day = addDays(schedule.start, row.day);
    const notes = row.aftercare.map(function (c) {
      return fill(words.text.milestone, { when: formatDate(dates, addDays(schedule.start, c.day), "table"), title: c.title });
    });
    const description = row.kind === "session" ? [cal.aftercareHeading].concat(notes).join("\n") : plan.resultsNote;
    const extra = schedule.careText ? "\n\n" + schedule.careText : "";
    const summary = fill(cal.eventSummary, { label: row.label, plan: plan.name });
    lines.push(
      "BEGIN:VEVENT",
      "UID:" + uidBase + "-" + (index + 1) + "@" + host,
      "DTSTAMP:" + when,
      "DTSTART;VALUE=DATE:" + compact(day),
      "DTEND;VALUE=DATE:" + compact(addDays(day, 1)),
      "SUMMARY:" + escapeText(summary),
      "DESCRIPTION:" + escapeText(description + extra),
      /* Busy: a session is an appointment the reader must keep free. */
      "TRANSP:OPAQUE"
    );
    if (row.kind === "session") {
      /* 15 hours before the all-day event starts: 9 in the morning the day before. */
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H",
        "DESCRIPTION:" + escapeText(fill(cal.reminder, { label: row.label, plan: plan.name })), "END:VALARM");
    }
    lines.push("END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/* Calendar file (RFC 5545) for the schedule calculator: one all-day event per
 * session and one for the results check.  Built entirely in the browser. */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  function compact(time) {
    return new Date(time).toISOString().slice(0, 10).replace(/-/g, "");
  }

  /* TEXT values escape backslash, semicolon, comma and newlines (§3.3.11); a
   * bare CR counts as a newline: left as it is, it would end the line. */
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  /* Lines longer than 75 octets are folded with CRLF + space (§3.1),
   * never splitting a multi-byte character. */
  function fold(line) {
    var out = [], current = "", size = 0, limit = 75;
    Array.from(line).forEach(function (ch) {
      var bytes = new TextEncoder().encode(ch).length;
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

  function build(state, host) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var plan = state.plan;
    /* The same plan and start always give the same UIDs, so importing an
     * updated file replaces events instead of duplicating them. */
    var uidBase = [state.planId, compact(state.start), state.sessions + "x" + state.interval].join("-");
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microneedling explained//Schedule calculator//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText("Microneedling plan: " + plan.name)
    ];
    state.rows.forEach(function (row, index) {
      var day = state.start + row.day * DAY_MS;
      var notes = row.aftercare.map(function (c) {
        return new Date(state.start + c.day * DAY_MS).toISOString().slice(0, 10) + ": " + c.title;
      });
      var description = row.kind === "session"
        ? "Aftercare milestones after this session:\n" + notes.join("\n")
        : plan.resultsNote;
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + uidBase + "-" + (index + 1) + "@" + host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(day),
        "DTEND;VALUE=DATE:" + compact(day + DAY_MS),
        "SUMMARY:" + escapeText("Microneedling: " + row.label + " (" + plan.name + ")"),
        "DESCRIPTION:" + escapeText(description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  window.ScheduleCalendar = { build: build, escapeText: escapeText, fold: fold };
})();

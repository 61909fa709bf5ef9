"""Test only: compares the shipped holiday data (`accountability-checklist holidays` on stdin) with the PyPI
package `chinesecalendar`, day by day over the covered years. Exit 1 on any difference."""
import datetime
import re
import sys

import chinese_calendar

shipped = {}
for line in sys.stdin:
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (on|off)", line.strip())
    if m:
        shipped[m.group(1)] = m.group(2) == "on"
if not shipped:
    sys.exit("no data on stdin")
years = sorted({int(d[:4]) for d in shipped})
diffs, days = [], 0
day = datetime.date(years[0], 1, 1)
while day.year <= years[-1]:
    iso = day.isoformat()
    ours = shipped.get(iso, day.weekday() < 5)
    theirs = chinese_calendar.is_workday(day)
    if ours != theirs:
        diffs.append(f"{iso}: shipped {'working' if ours else 'off'}, chinesecalendar {'working' if theirs else 'off'}")
    days += 1
    day += datetime.timedelta(days=1)
if diffs:
    sys.exit(f"chinesecalendar disagrees on {len(diffs)} day(s):\n  " + "\n  ".join(diffs))
print(f"holidays: {days} days of {years[0]}–{years[-1]} agree with PyPI chinesecalendar")

"""The guideline's deadline words on the sample service hours (docs/calendars.md).

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/deadlines.py
"""
import os

import itsm

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
desk = itsm.Calendar.from_file(os.path.join(DATA, "desk-calendar.json"))
vendor = itsm.Calendar.from_file(os.path.join(DATA, "vendor-calendar.json"))


def show(word, instant, expected):
    text = itsm.format_instant(instant, desk.zone)
    print(f"  {word:<48} {text}")
    # The figures docs/calendars.md quotes; a change in behaviour fails this example.
    assert text == expected, f"{word}: {text} != {expected}"


t = itsm.parse_instant("2024-12-27T17:30:00+09:00")  # Friday, before the year-end closing
print("received 2024-12-27T17:30+09:00 on the desk calendar (Mon-Fri 9-18, Sat 9-12 13-17)")
show("same day (当日)", desk.end_of_business_day(t, 0), "2024-12-27T18:00:00+09:00")
due = desk.end_of_business_day(t, 1)
show("next business day (翌営業日)", due, "2024-12-28T17:00:00+09:00")
show("2 business hours", desk.add_business(t, 2 * 3600), "2024-12-28T10:30:00+09:00")
show("within half a day (半日以内)", desk.half_business_day(t), "2024-12-28T14:00:00+09:00")
show("24 h excluding vendor holidays", vendor.add_business(t, 24 * 3600), "2024-12-28T17:30:00+09:00")
show("10 business days from next month's start", desk.nth_business_day(2025, 1, 10),
     "2025-01-16T18:00:00+09:00")
show("3 business days, same time", desk.add_business_days(t, 3), "2025-01-06T17:30:00+09:00")
show("escalation 1 business hour before the deadline", desk.sub_business(due, 3600),
     "2024-12-28T16:00:00+09:00")
summer = itsm.parse_instant("2024-08-12T10:00:00+09:00")
show("24 h excluding vendor holidays from 2024-08-12 10:00", vendor.add_business(summer, 24 * 3600),
     "2024-08-17T10:00:00+09:00")

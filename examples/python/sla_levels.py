"""SLA items from the built-in catalogue: server operation support (seed A 4.9.2) at
level 3 with the contract's changes, then measured values against the levels."""

import fractions

import itsm

items = itsm.catalogue_service(
    "server_operation_support",
    level="L3",
    overrides={
        "*": {"calendar": "vendor-onsite", "period": "month"},
        "hardware_failure_recovery": {"levels": {"L3": {"op": "<=", "value": 3}}},
    },
)
by_id = {item.id: item for item in items}

for item_id, value, unit in [
    ("operation_monitoring", 420, "second"),  # notified after 7 min
    ("operation_monitoring", 25, "minute"),  # 25 min: only L1 (<= 60 min)
    ("hardware_failure_recovery", fractions.Fraction(7, 2), "hour"),  # the contract's 3 h missed
]:
    r = by_id[item_id].evaluate_level(value, unit=unit)
    print(f"{item_id:28} agreed {r.agreed_level}, achieved {r.achieved_level}, "
          f"{'met' if r.met else 'missed'} ({r.consequence.label}), margin {r.margin:+g}")

# Calendar-word levels are decided by the clock's verdict.
inquiries = by_id["operation_inquiries"]
print("operation_inquiries         ", inquiries.evaluate_level(verdicts={"L1": True, "L3": False}).reason)

"""Test only: compares the shipped ISO 3166-1 and ISO 4217 tables (`accountability-checklist iso` on stdin)
with the PyPI package pycountry. The only differences allowed are the deliberate ones documented in
src/ident/iso.rs. Exit 1 on any other difference."""
import sys

import pycountry

# Deliberate: XTS (testing) and XXX (no currency) cannot hold a deposit; ANG, BGN, SLL and ZWL were replaced
# in 2022-2026 and stay accepted during the changeover.
NOT_SHIPPED = {"XTS", "XXX"}
CHANGEOVER = {"ANG", "BGN", "SLL", "ZWL"}

shipped = {"country": set(), "currency": set()}
for line in sys.stdin:
    kind, _, code = line.strip().partition(" ")
    if kind in shipped:
        shipped[kind].add(code)
countries = {c.alpha_2 for c in pycountry.countries}
currencies = {c.alpha_3 for c in pycountry.currencies}
problems = []
if shipped["country"] != countries:
    problems.append(f"countries: shipped only {sorted(shipped['country'] - countries)}, pycountry only {sorted(countries - shipped['country'])}")
expected = (currencies - NOT_SHIPPED) | CHANGEOVER
if shipped["currency"] != expected:
    problems.append(f"currencies: shipped only {sorted(shipped['currency'] - expected)}, missing {sorted(expected - shipped['currency'])}")
if problems:
    sys.exit("ISO tables differ from pycountry:\n  " + "\n  ".join(problems))
print(f"iso: {len(countries)} countries and {len(expected)} currencies agree with PyPI pycountry")

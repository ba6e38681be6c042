"""Identifiers in running text: phone numbers (Google's libphonenumber, as ``phonenumbers``),
e-mail addresses, fødselsnummer (``python-stdnum`` checks both mod-11 control digits and the
date), dates of birth, vehicle registrations and case numbers."""

from __future__ import annotations

import re

__all__ = ["find_identifiers"]

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# 11 digits, or 6 and 5 with a space: the date part and the personal number
FNR = re.compile(r"(?<![\d-])(\d{6})[ ]?(\d{5})(?![\d-])")
# two capital letters and five digits: «EL 45821», «AB12345»
VEHICLE = re.compile(r"(?<![\w-])[A-ZÆØÅ]{2}[ ]?\d{5}(?![\d-])")
CASE_WORDS = r"(?:saksnummer|saksnr\.?|sak|saken|arkivsak|arkivsaksnummer|journalnummer|" \
             r"journalnr\.?|journalpost|referanse|referansenummer|ref\.?|dokumentnummer)"
CASE_NUMBER = re.compile(CASE_WORDS + r"[ ,:]+(?:nr\.? )?(\d{2,4}/\d{2,7}(?:-\d{1,4})?)",
                         re.IGNORECASE)
MONTHS = ("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|"
          "desember|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sep\\.?|sept\\.?|"
          "okt\\.?|nov\\.?|des\\.?")
DATE = (r"(?:\d{1,2}\.\s?(?:" + MONTHS + r")(?:\s\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4}|"
        r"\d{4}-\d{2}-\d{2}|(?:i\s)?(?:19|20)\d{2})")
BIRTH = re.compile(r"\b(?:født|fødd|fødselsdato|fødselsdag|bursdag|fyller år)\b[^.!?\n]{0,25}?"
                   r"(?<![\w.])(" + DATE + r")(?![\w])", re.IGNORECASE)


def _phones(text: str):
    import phonenumbers

    for m in phonenumbers.PhoneNumberMatcher(text, "NO",
                                             leniency=phonenumbers.Leniency.VALID):
        yield m.start, m.end, "phone"


def _fnr(text: str):
    from stdnum.no import fodselsnummer

    for m in FNR.finditer(text):
        if fodselsnummer.is_valid(m.group(1) + m.group(2)):
            yield m.start(), m.end(), "fnr"


def find_identifiers(text: str, start: int = 0, end: int | None = None):
    """``(start, end, type)`` of every identifier in ``text[start:end]`` (positions in
    ``text``), types ``phone``, ``email``, ``fnr``, ``birthdate``, ``vehicle`` and
    ``case_number``. An identifier that is also another (a fødselsnummer read as a phone
    number) is given once, by the order of that list's reverse."""
    part = text[start:end]
    found = []
    found += [(a, b, "fnr") for a, b, _ in _fnr(part)]
    found += [(m.start(), m.end(), "email") for m in EMAIL.finditer(part)]
    for m in CASE_NUMBER.finditer(part):
        found.append((m.start(1), m.end(1), "case_number"))
    for m in BIRTH.finditer(part):
        a, b = m.start(1), m.end(1)
        if part[a:b].startswith("i "):
            a += 2
        found.append((a, b, "birthdate"))
    found += [(m.start(), m.end(), "vehicle") for m in VEHICLE.finditer(part)]
    found += list(_phones(part))
    out, taken = [], []
    for a, b, kind in found:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        out.append((a + start, b + start, kind))
    return sorted(out)

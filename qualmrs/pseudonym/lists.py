"""Word lists for finding personal data, from well-kept packages where they exist.

- Given names and surnames: Faker's Norwegian person provider (the 100 most common male and
  female first names and 100 surnames, from Statistics Norway; MIT).
- Place endings and street endings: Faker's Norwegian address provider, plus the common
  street words it lacks («veien», «gate», ...).
- Places: ``data/places.txt``, a short list from Statistics Norway's classifications (its
  header says which); no package on PyPI ships Norway's municipalities under a fitting licence
  without pulling in GIS libraries.
- Common words: wordfreq's Norwegian Bokmål frequencies (Apache-2.0), with simplemma's
  dictionary (which keeps names' lemmas capitalised), to tell «per», «liv», «dag» and «sol»
  from the names Per, Liv, Dag and Sol, and names such as Hansen that wordfreq counts often.
All of it ships inside the wheels; nothing is downloaded.
"""

from __future__ import annotations

import functools
from pathlib import Path

# Zipf frequency (log10 of uses per billion words) from which a word is everyday Norwegian:
# «per» 5.5, «dag» 6.0, «sol» 4.5, «stein» 4.7 are; names that are no words («kari» 4.4,
# «tore» 4.4) come close, which is why the name lists decide first.
COMMON = 4.45

# Not personal data: NAV's and the state's systems and bodies, software, countries.
KEEP = frozenset("""
NAV Nav Arena Modia Gosys Pesys Infotrygd Altinn Kelly Websak Elements Navet Aa-registeret
Direktoratet Arbeids- Stortinget Regjeringen KS Sikt SSB Riksrevisjonen Statsforvalteren
Fylkesmannen Arbeidstilsynet Husbanken Skatteetaten UDI IMDi Helsedirektoratet Lånekassen
Folkeregisteret EU EØS OECD FN Teams Excel Word Outlook PowerPoint Power BI Tableau Qlik Google
Microsoft Windows Zoom Skype Facebook Kahoot Norge Sverige Danmark Finland Island Europa
Norden Tyskland England Storbritannia USA Polen Tour de France Mål Gud
""".split())
# endings of laws, reforms and white papers («NAV-loven», «tillitsreformen»)
KEEP_ENDINGS = ("loven", "lova", "lov", "reformen", "reform", "forskriften", "meldingen",
                "direktoratet", "departementet")

# words before a person's name
TITLES = frozenset("""
fru herr frøken dr. doktor professor leder lederen kontorleder avdelingsleder teamleder
fagleder fagkoordinator veileder veilederen saksbehandler rådgiver rådgiveren kollega kollegaen
sjef sjefen direktør direktøren ordfører ordføreren rådmann kommunedirektør lege fastlege
psykolog konsulent analytiker koordinator assistent sekretær nestleder brukeren bruker
""".split())

# a word after a sentence-initial name (a verb or «og»), as in «Per er sånn», «Liv har
# mottaket»; «Per i dag», «Stein på stein» and «Sol og vår hjelper» have none (a verb in the
# past tense, «-te», «-de», «-dde», counts too)
NAME_VERBS = frozenset("""
er var har hadde sa sier skal skulle kan kunne vil ville må måtte ble blir gikk går kom kommer
tok tar synes syntes mener mente tror trodde fikk får jobber jobbet leder ledet ringte sendte
skrev pleier pleide vet visste ønsker ønsket lager laget
""".split())

PLACE_PREPOSITIONS = frozenset("i på fra til ved mot nær utenfor rundt hos gjennom".split())

# nouns that make a place or a name a workplace: «Fana skole», «Haukeland sykehus»
ORG_NOUNS = ("videregående skole", "ungdomsskole", "barneskole", "skole", "barnehage",
             "sykehus", "sykehjem", "legesenter", "helsestasjon", "bibliotek", "menighet",
             "kommune", "universitet", "høgskole", "AS", "ASA")

STREET_WORDS = ("veien", "vegen", "vei", "veg", "gate", "gaten", "gata", "allé", "alleen",
                "plass", "plassen", "torg", "torget", "brygge", "bryggen", "kaien", "stien",
                "bakken")


@functools.cache
def given_names() -> frozenset[str]:
    from faker.providers.person.no_NO import Provider

    return frozenset(Provider.first_names_male) | frozenset(Provider.first_names_female)


@functools.cache
def surnames() -> frozenset[str]:
    from faker.providers.person.no_NO import Provider

    return frozenset(Provider.last_names)


@functools.cache
def place_endings() -> tuple[str, ...]:
    """Endings of Norwegian place names (Faker's city suffixes), longest first."""
    from faker.providers.address.no_NO import Provider

    return tuple(sorted((s for s in Provider.city_suffixes if len(s) >= 3), key=len,
                        reverse=True))


@functools.cache
def street_endings() -> tuple[str, ...]:
    """Endings of street names (Faker's street suffixes and ``STREET_WORDS``), longest
    first."""
    from faker.providers.address.no_NO import Provider

    return tuple(sorted(set(Provider.street_suffixes) | set(STREET_WORDS), key=len,
                        reverse=True))


@functools.cache
def places() -> dict[str, str]:
    """Place name → ``county``, ``municipality`` or ``district`` (``data/places.txt``)."""
    out: dict[str, str] = {}
    text = (Path(__file__).parent / "data" / "places.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, names = line.split(":", 1)
        for name in names.split(","):
            out.setdefault(name.strip(), kind.strip())
    return out


@functools.cache
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of the lowercased word in Norwegian Bokmål."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "nb")


@functools.cache
def common(word: str) -> bool:
    """Whether ``word`` (any case) is an everyday Norwegian word: frequent (wordfreq) and a
    word simplemma's dictionary knows as a common word («per», «stein»; not «Hansen», whose
    lemma it keeps capitalised, nor «Olsen», which it does not know)."""
    if zipf(word) < COMMON:
        return False
    import simplemma

    lower = word.lower()
    # low_memory: the dictionary the segmenter reads (qualmrs.segment), not a second copy
    return simplemma.is_known(lower, lang="nb", low_memory=True) and \
        simplemma.lemmatize(lower, lang="nb", low_memory=True)[:1].islower()


def kept(word: str) -> bool:
    """Whether a capitalised word is left alone: a system, a body, a law, a reform."""
    if word in KEEP or word.rstrip("s") in KEEP:
        return True
    head = word.split("-", 1)[0]
    if "-" in word and len(head) >= 2 and head.isupper():
        return True  # «NAV-kontoret», «IKT-systemet»
    return word.lower().endswith(KEEP_ENDINGS)

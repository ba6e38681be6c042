"""Norwegian Bokmål data the stock spaCy ``nb`` pipeline and simplemma lack.

See ``shared/NORWEGIAN.md`` for the measurements behind each list.
"""

# Abbreviations that never end a sentence, even before a capitalised word («f.eks. NAV»).
NON_FINAL_ABBREVIATIONS = frozenset({
    "f.eks.", "bl.a.", "ca.", "kl.", "nr.", "dvs.", "jf.", "pga.", "mht.", "iht.", "evt.",
    "s.", "kap.", "tlf.", "mfl.", "vs.", "ev.", "el.", "hhv.", "ift.", "mtp.", "bla.",
})

# Abbreviations that must stay one token, also capitalised at the start of a sentence
# (spaCy's exceptions are case-sensitive: «Dvs.» would otherwise split).
TOKEN_ABBREVIATIONS = (
    "f.eks.", "bl.a.", "dvs.", "ca.", "mfl.", "nr.", "osv.", "jf.", "pga.", "mht.", "iht.",
    "evt.", "kl.", "kap.", "tlf.", "etc.", "m.m.", "o.l.", "ift.", "mtp.", "hhv.", "vs.",
)

# simplemma slips on words this domain uses constantly (NORWEGIAN.md, "known slips").
LEMMA_OVERRIDES = {
    "leder": "leder", "lederen": "leder", "ledere": "leder", "lederne": "leder",
    "ledernes": "leder", "lederens": "leder",
    "ansatt": "ansatt", "ansatte": "ansatt", "ansattes": "ansatt",
    "si": "si", "sier": "si", "sa": "si",
    "målekort": "målekort", "målekortet": "målekort", "målekortene": "målekort",
    "målekortets": "målekort",
    "nav": "nav", "nav-kontor": "nav-kontor", "nav-kontoret": "nav-kontor",
    "nav-kontorene": "nav-kontor", "nav-leder": "nav-leder", "nav-lederen": "nav-leder",
    "trøye": "trøye", "trøya": "trøye", "trøyen": "trøye", "trøyer": "trøye", "trøyene": "trøye",
    # «egner seg» (is suited): simplemma leaves «egner» and reads the infinitive «egne» as
    # «egen» (own); only the unambiguous verb form is mapped, «egne» stays «egen».
    "egner": "egne",
}

# Answer reading (closed questions). Lemmas, lower case.
NEGATORS = frozenset({"ikke", "aldri", "ingen", "ingenting", "intet", "neppe", "verken"})
# «… begrenser ikke, heller tvert imot»: a negated category points to its opposite.
REVERSALS = ("tvert imot", "heller motsatt", "det motsatte", "snarere", "heller")
# Softeners lower the confidence of a reading, not its direction («jeg vil vel si ja»).
SOFTENERS = frozenset({"vel", "kanskje", "muligens", "antakelig", "sikkert", "nok"})
YES = frozenset({"ja", "absolutt", "selvfølgelig", "definitivt", "jada", "jepp"})
NO = frozenset({"nei", "neida"})
# «Jo» opening a reply is a yes that contradicts a doubt («Vet de det?» – «Jo, det vet de»);
# elsewhere it is a filler («det er jo sånn»), so it counts only as the reply's first word.
YES_OPENING = frozenset({"jo"})
# An interviewer turn that refers back to what was said («du nevnte …», «som du sa»): its
# answer may stand before it.
REFERS_BACK = ("du si", "si du", "du nevne", "nevne du", "du være inne på", "allerede",
               "i sted", "som sagt")
# A closing sentence that sums up («så jeg vil si …», «alt i alt …») weighs more.
CONCLUSIONS = ("alt i alt", "så jeg", "vil jeg si", "jeg vil si", "lande på", "konklusjon",
               "summere", "så ja", "så nei", "så der")

# Spoken Norwegian adds fillers and question words that spaCy's (written) stop list lacks.
SPOKEN_STOP_WORDS = frozenset({
    "hva", "hver", "hvor", "hvordan", "hvem", "hvilken", "hvorfor", "når", "altså", "liksom", "jo", "sånn", "sånt", "ehm", "eh", "hm", "mm", "nei", "ja",
    "jaja", "tja", "da", "nå", "vel", "bare", "litt", "mye", "ganske", "egentlig", "kanskje",
    "ting", "gang", "måte", "gjøre", "få", "si", "tenke", "ler",
})
